import { i18n } from '#i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from './Popup';
import { PopupErrorBoundary } from './PopupErrorBoundary';

/**
 * Renders the popup into its page's `#root`, for the tab `search` names
 * (entrypoints/popup). A failure of the popup's tree is caught at its top,
 * PopupErrorBoundary, which tells the reader what to do.
 */
export function renderPopup(doc: Document, search: string): void {
  // The messages' own language and direction: the fallback locale's when the browser's has no translation.
  doc.documentElement.lang = i18n.t('lang');
  doc.documentElement.dir = i18n.t('dir');
  doc.title = i18n.t('extName');

  const container = doc.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <StrictMode>
      <PopupErrorBoundary>
        <Popup search={search} />
      </PopupErrorBoundary>
    </StrictMode>,
  );
}
