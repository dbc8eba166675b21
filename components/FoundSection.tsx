import { i18n } from '#i18n';
import { useId, useRef, type ReactNode } from 'react';
import type { FoundEntity } from '../core/messages/protocol';
import { isActiveOn, type Settings } from '../core/settings';
import { hostnameForDisplay } from '../core/punycode';
import { canAnnotate, siteOf } from '../core/site';
import { CATEGORIES } from '../core/story/schema';
import { FailedWithRetry } from './FailedWithRetry';
import { categoryGroupLabel } from './labels';
import type { Loadable } from './loadable';
import type { PageProbe } from './use-page-probe';
import { useFocusLoss } from './use-focus-loss';
import { useRereading } from './use-rereading';
import { useRovingFocus } from './use-roving-focus';
import { NO_ANSWER, type TabFound } from './use-tab-found';

const PDF = 'application/pdf';

interface Props {
  /** The tab's address; undefined while it is not known yet. */
  url: string | undefined;
  /** No tab to tell of (`none`: a devtools window, a tab closed), or which tab it is could not be found out (`failed`). */
  noTab?: 'none' | 'failed';
  /** Asks again which tab the popup is about, after that failed. */
  onFindTab?: () => void;
  found: Loadable<TabFound>;
  /** For a local file: whether the reader allowed Backstory to read files (use-file-access.ts). */
  fileAccess?: boolean;
  /** Opens the Extensions page at Backstory's details, where reading files is allowed (Chrome). */
  onAllowFiles?: () => void;
  /** In Firefox, whose own pages an extension cannot open: the reader is told where to go instead. */
  firefox?: boolean;
  /** For a web page: whether the browser lets Backstory read its site (use-site-access.ts). */
  siteAccess?: boolean;
  /** Asks the reader to let Backstory read the site. */
  onAllowSite?: () => void;
  /** Asks the background again after it failed. */
  onRetry?: () => void;
  /** A look into the tab's page, when nothing was found there (use-page-probe.ts). */
  page?: PageProbe;
  /** Looks into the tab's page again, after it did not answer. */
  onLookAgain?: () => void;
  /** Loads the tab's page again, to be read. */
  onReload?: () => void;
  settings: Settings | undefined;
  /** The settings could not be read (told, with Try again, in the settings' part). */
  settingsFailed?: boolean;
  /** The outcome of the last reveal, announced politely; `failed` when the page must be read again to reach the name. */
  notice: RevealNotice | undefined;
  /** The keys of the shortcut to the page's next name ('' when none is set), told with the hint on choosing a name. */
  shortcut?: string;
  onReveal: (entity: FoundEntity) => void;
}

export interface RevealNotice {
  text: string;
  failed: boolean;
}

/** "On this page": every name of the story the tab mentions, by category, most mentioned first. */
export function FoundSection({ notice, ...body }: Props) {
  const titleId = useId();
  const hintId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  // A part that went with the focus on it (every name of the page dropped at once, the list giving way to "nobody
  // is mentioned"; every listed category hidden) gives it to the heading, read out with the line that replaced it.
  // The names' own Tab stop takes it first while one is left.
  const { track, onBlur } = useFocusLoss(() => title.current?.focus());
  return (
    <section className="found" aria-labelledby={titleId} onFocus={(event) => track(event.target)} onBlur={onBlur}>
      <h2 ref={title} id={titleId} className="section-title" tabIndex={-1}>
        {i18n.t('popup.onThisPage')}
      </h2>
      {/* Above the names, where the reader is: below twenty of them, it was past the popup's 600 px. */}
      <p className={notice?.failed ? 'notice notice-failed' : 'notice'} role="status">
        {notice?.text}
      </p>
      {notice?.failed && body.onReload ? (
        <button type="button" className="action" onClick={body.onReload}>
          {i18n.t('popup.reloadPage')}
        </button>
      ) : null}
      <FoundBody {...body} hintId={hintId} />
    </section>
  );
}

function FoundBody({
  url,
  noTab,
  onFindTab,
  found,
  fileAccess,
  onAllowFiles,
  firefox,
  siteAccess,
  onAllowSite,
  onRetry,
  page,
  onLookAgain,
  onReload,
  settings,
  settingsFailed,
  hintId,
  onReveal,
  shortcut,
}: Omit<Props, 'notice'> & { hintId: string }) {
  const site = url === undefined ? undefined : siteOf(url);
  // Named as the address bar names it: "münchen.de", not "xn--mnchen-3ya.de".
  const siteName = site === undefined ? '' : hostnameForDisplay(site);
  const listed = found.status === 'ready' && found.value.found.length > 0;
  const pageReading = page?.readable === true && page.reading === true;
  const rereading = useRereading(settings && url !== undefined ? isActiveOn(settings, site ?? '') : undefined, listed, pageReading);
  // Not a page the browser keeps Backstory off: there is none, or which one it is could not be told.
  if (noTab === 'failed') {
    return (
      <Told>
        <FailedWithRetry message={i18n.t('popup.tabUnknown')} onRetry={onFindTab} />
      </Told>
    );
  }
  if (noTab === 'none') return <Told line={i18n.t('popup.noTab')} />;
  if (url !== undefined && !canAnnotate(url)) return <Told line={i18n.t('popup.notSupported')} />;
  // The browser let Backstory into this tab all the same: Firefox does when the reader clicks its button.
  const readNow = listed || page?.readable === true;
  // Not read at all: "nobody is mentioned" would be a guess.
  if (siteAccess === false && !readNow) {
    return notRead(i18n.t('popup.noSiteAccess', { site: siteName }), i18n.t('popup.allowSite'), onAllowSite);
  }
  // Older Firefox says no and reads files all the same.
  if (fileAccess === false && !listed && !(page?.readable === true && page.screened)) {
    return firefox
      ? notRead(i18n.t('popup.noFileAccessFirefox'), i18n.t('popup.reloadPage'), onReload)
      : notRead(i18n.t('popup.noFileAccess'), i18n.t('popup.openDetails'), onAllowFiles);
  }
  if (page?.readable === true && page.type === PDF) return <Told line={i18n.t('popup.pdfNotRead')} />;
  // An RSS feed or an SVG file is left unread by design: "none of the names" would be untrue of a feed that names them.
  if (page?.readable === true && page.html === false) return <Told line={i18n.t('popup.notHtmlRead')} />;
  // Firefox's PDF viewer, a site Firefox or an enterprise policy keeps every extension off: a web address, so not the
  // line of the browser's own pages. Not a tab still on its way to the page (showing the blank page before it), which
  // no extension may enter either.
  if (page?.readable === false && !page.unanswered && !(found.status === 'ready' && found.value.loading)) {
    return <Told line={i18n.t('popup.keptOut')} />;
  }
  if (found.status === 'error') {
    return (
      <Told>
        <FailedWithRetry message={i18n.t(found.error === NO_ANSWER ? 'popup.foundUnanswered' : 'popup.foundUnreachable')} onRetry={onRetry} />
      </Told>
    );
  }
  // Which names are highlighted is the settings' to say: without them, a list would guess.
  if (found.status === 'ready' && !settings && settingsFailed) return <Told line={i18n.t('popup.foundWithoutSettings')} />;
  if (url === undefined || found.status === 'loading' || !settings) return <Told line={i18n.t('popup.loading')} />;
  // Read now only because the reader clicked Backstory's button: reading it without a click is on offer.
  const readOnClick =
    siteAccess === false ? (
      <>
        <p className="status status-off">{i18n.t('popup.readOnClick', { site: siteName })}</p>
        <ActionButton action={i18n.t('popup.allowSite')} onAction={onAllowSite} />
      </>
    ) : null;
  const active = isActiveOn(settings, site ?? '');
  const entities = found.value.found;
  // Off, the page is not read: what a list or "nobody" would say could only come from an earlier load.
  if (!active) {
    const off = !settings.enabled ? i18n.t('popup.offEverywhere') : site ? i18n.t('popup.offOnSite', { site: siteName }) : undefined;
    return (
      <Told line={off} lineClass="status status-off">
        {readOnClick}
      </Told>
    );
  }
  if (entities.length === 0 && !found.value.loading && page?.readable === false && page.unanswered) {
    // Busy in a long task or held by an alert(): what is on it is not known, and "Loading…" would last as long.
    return (
      <Told>
        <FailedWithRetry message={i18n.t('popup.pageUnanswered')} onRetry={onLookAgain} />
        {readOnClick}
      </Told>
    );
  }
  if (entities.length === 0 && !found.value.loading && page?.readable === true && !page.screened) {
    // Open since before Backstory could read it: the browser reads it only once it loads again.
    return notRead(i18n.t('popup.notReadYet'), i18n.t('popup.reloadPage'), onReload, readOnClick);
  }
  // The look into the page is still on its way: "nobody" now could turn into "not read yet" a moment later.
  // Not when switched back on, when the page is looked into anew: the line would go from "again" to "Loading…" and back.
  if (entities.length === 0 && !found.value.loading && page === undefined && !rereading) return <Told line={i18n.t('popup.loading')}>{readOnClick}</Told>;
  if (entities.length === 0) {
    // Still loading, its frames are read once it has loaded: "nobody" would be a verdict on a page not read yet.
    const line = i18n.t(found.value.loading ? 'popup.reading' : rereading ? 'popup.rereading' : pageReading ? 'popup.reading' : 'popup.nothingFound');
    return <Told line={line}>{readOnClick}</Told>;
  }
  // With every listed category hidden there is no name to choose.
  const anyShown = entities.some((entity) => settings.categories[entity.category]);
  return (
    <Told line={foundSummary(entities, settings)} lineClass="found-summary">
      {anyShown ? (
        <p id={hintId} className="hint">
          {i18n.t('popup.revealHint')}
          {/* Nothing on the page says the shortcut exists: a reader who never opens the browser's list of them would not know. */}
          {shortcut ? ` ${i18n.t('popup.shortcutHint', { keys: shortcut })}` : null}
        </p>
      ) : null}
      <NameGroups entities={entities} settings={settings} onReveal={onReveal} hintId={hintId} />
      {readOnClick}
    </Told>
  );
}

/**
 * Every state of the part opens with the same live line, its words changed in
 * place: a line put on the page together with its words is not always read
 * out, and "Reading this page…" followed by the names' count in a new
 * paragraph left a screen reader silent when the names came.
 */
function Told({ line, lineClass = 'status', children }: { line?: string | undefined; lineClass?: string; children?: ReactNode }) {
  return (
    <>
      <p className={line ? lineClass : 'status'} role="status">
        {line}
      </p>
      {children}
    </>
  );
}

/** How many names the page mentions; with a category switched off, how many of them are highlighted, as the badge counts. */
function foundSummary(entities: readonly FoundEntity[], settings: Settings): string {
  const shown = entities.filter((entity) => settings.categories[entity.category]).length;
  if (shown === entities.length) return i18n.t('popup.foundCount', entities.length);
  if (shown === 0) return i18n.t('popup.foundCountNoneShown', entities.length);
  return i18n.t('popup.foundCountShown', entities.length, { shown: String(shown) });
}

/** A page Backstory may not read, and what the reader can do about it: said in the live line, not in one of its own. */
function notRead(message: string, action: string, onAction: (() => void) | undefined, more?: ReactNode) {
  return (
    <Told line={message} lineClass="status status-off">
      <ActionButton action={action} onAction={onAction} />
      {more}
    </Told>
  );
}

function ActionButton({ action, onAction }: { action: string; onAction: (() => void) | undefined }) {
  return onAction ? (
    <button type="button" className="action" onClick={onAction}>
      {action}
    </button>
  ) : null;
}

/**
 * The names by category, one Tab stop for them all: a reader had to Tab through
 * twenty names to reach the key points. The arrow keys move between them as
 * they are drawn, as in a toolbar; the headings and named groups stay, so a
 * screen reader still tells which category a name is in.
 */
function NameGroups({ entities, settings, onReveal, hintId }: { entities: readonly FoundEntity[]; settings: Settings; onReveal: (entity: FoundEntity) => void; hintId: string }) {
  const groups = CATEGORIES.map((category) => ({ category, group: entities.filter((entity) => entity.category === category), shown: settings.categories[category] }));
  const choosable = groups.flatMap(({ group, shown }) => (shown ? group.map((entity) => entity.id) : []));
  const { ref, tabStop, onFocus, onBlur, onKeyDown } = useRovingFocus<HTMLDivElement>(choosable, 'data-entity-id');
  const content = groups.map(({ category, group, shown }) =>
    group.length === 0 ? null : (
      <EntityGroup
        key={category}
        title={categoryGroupLabel(category)}
        entities={group}
        off={!shown}
        onReveal={shown ? onReveal : undefined}
        tabStop={tabStop}
      />
    ),
  );
  // With every listed category hidden there is nothing to move between: no toolbar of no controls.
  if (choosable.length === 0) return <div className="names">{content}</div>;
  return (
    // The hint describes the toolbar, not each name: a screen reader says it once on entering, not again on every arrow move.
    <div
      ref={ref}
      className="names"
      role="toolbar"
      aria-label={i18n.t('popup.namesToolbar')}
      aria-describedby={hintId}
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      {content}
    </div>
  );
}

interface GroupProps {
  title: string;
  entities: FoundEntity[];
  /** Switched off by its category toggle: listed, but nothing on the page to go to. */
  off: boolean;
  onReveal: ((entity: FoundEntity) => void) | undefined;
  /** The one name of all the groups that Tab reaches. */
  tabStop: string | undefined;
}

function EntityGroup({ title, entities, off, onReveal, tabStop }: GroupProps) {
  const titleId = useId();
  return (
    // A group named by its heading: moving by arrows from Russia to the United Nations, a screen reader says "Organizations".
    <div className="entity-group" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="group-title">
        {title}
        {off ? <span className="tag">{i18n.t('popup.categoryOff')}</span> : null}
      </h3>
      <ul className="entities">
        {entities.map((entity) => {
          const mentions = i18n.t('popup.mentions', entity.count);
          const content = (
            <>
              <span className="entity-name">{entity.name}</span>
              <span className="count" aria-hidden="true">
                {entity.count}
              </span>
              {/* A name that is no button (its category hidden) is read by its text: the count after a pause, not run into the
                  name ("Vladimir Putin7 mentions"). A button is read by its label. */}
              <span className="visually-hidden">{onReveal ? mentions : `, ${mentions}`}</span>
            </>
          );
          return (
            <li key={entity.id}>
              {onReveal ? (
                <button
                  type="button"
                  className="entity"
                  data-entity-id={entity.id}
                  // One name with a pause before the count: spans alone would read as "North Korea , 13 mentions".
                  aria-label={i18n.t('popup.entityLabel', { name: entity.name, mentions })}
                  tabIndex={entity.id === tabStop ? 0 : -1}
                  onClick={() => onReveal(entity)}
                >
                  {content}
                </button>
              ) : (
                <span className="entity" data-entity-id={entity.id}>
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
