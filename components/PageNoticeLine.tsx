import { i18n } from '#i18n';
import type { PageNotice } from '../core/messages/page-commands';
import { hostnameForDisplay } from '../core/punycode';

/** A notice shown, numbered: the same words again are a new notice, said again. */
export interface ShownNotice {
  kind: PageNotice;
  n: number;
}

/** How long a notice shows: long enough to read a sentence, short enough not to stand over the page. */
export const NOTICE_MS = 4000;

function noticeText(kind: PageNotice): string {
  switch (kind) {
    case 'no-names':
      return i18n.t('notice.noNames');
    case 'reading':
      return i18n.t('notice.reading');
    case 'categories-off':
      return i18n.t('notice.categoriesOff');
    case 'round':
      return i18n.t('notice.round');
    case 'off-everywhere':
      return i18n.t('notice.offEverywhere');
    case 'off-on-site':
      return i18n.t('notice.offOnSite', { site: hostnameForDisplay(location.hostname) });
  }
}

/**
 * What the keyboard command did, where its press would seem to do nothing or
 * to jump, at the bottom of the screen. The status region stands empty from
 * the card's start, so that screen readers hear what comes into it (a region
 * made together with its words is not always said); each notice is a new
 * line in it, said even when its words are the last one's.
 */
export function PageNoticeLine({ notice }: { notice: ShownNotice | undefined }) {
  return (
    <div className="notice" role="status">
      {notice ? (
        <p key={notice.n} className="notice-line">
          <span className="notice-brand">{i18n.t('extName')}</span>
          <span className="visually-hidden">:</span> {noticeText(notice.kind)}
        </p>
      ) : null}
    </div>
  );
}
