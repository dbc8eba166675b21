import { i18n } from '#i18n';
import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * Around the whole popup: a blank popup told the reader nothing, not even
 * that closing and opening it again is worth a try.
 */
export function PopupErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      onError={(error, stack) => console.error('[Backstory] The popup failed', error, stack)}
      fallback={
        <main className="popup">
          <p className="brand">{i18n.t('extName')}</p>
          <p className="status status-error" role="alert">
            {i18n.t('popup.failed')}
          </p>
        </main>
      }
    >
      {children}
    </ErrorBoundary>
  );
}
