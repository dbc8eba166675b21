// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings';
import { useLocaleMessages } from '../tooling/locale-messages';
import { FoundSection } from './FoundSection';
import type { Loadable } from './loadable';
import type { TabFound } from './use-tab-found';

beforeAll(() => useLocaleMessages());

const FILE = 'file:///home/reader/saved-article.html';
const NOTHING: Loadable<TabFound> = { status: 'ready', value: { url: FILE, found: [] } };

function text(fileAccess: boolean | undefined, documentType?: string): string {
  const root = document.createElement('div');
  root.innerHTML = renderToStaticMarkup(
    <FoundSection
      url={FILE}
      found={NOTHING}
      fileAccess={fileAccess}
      documentType={documentType}
      settings={DEFAULT_SETTINGS}
      notice={undefined}
      onReveal={() => {}}
    />,
  );
  return root.textContent ?? '';
}

describe('the popup’s list of what a page mentions', () => {
  it('on a local file Backstory may not read, says how to allow it, and never that nobody is mentioned', () => {
    const shown = text(false);
    expect(shown).toContain('Allow access to file URLs');
    expect(shown).not.toContain('Nobody');
  });

  it('on a local file it may read, says what was found there as on any page', () => {
    expect(text(true)).toContain('Nobody from this story is mentioned on this page.');
    expect(text(true)).not.toContain('Allow access');
  });

  it('on a PDF, which the browser’s viewer shows and no content script reads, says so, and never that nobody is mentioned', () => {
    const shown = text(true, 'application/pdf');
    expect(shown).toContain('not PDF documents');
    expect(shown).not.toContain('Nobody');
    expect(text(true, 'text/html')).toContain('Nobody from this story is mentioned on this page.');
  });
});
