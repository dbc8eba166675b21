import { i18n } from '#i18n';

/**
 * What could not be had, in the reader's words, and a button to ask again
 * (where there is a way to). The button goes with the failure once the retry
 * works: the popup keeps the focus in its part (use-focus-kept.ts).
 */
export function FailedWithRetry({ message, onRetry }: { message: string; onRetry: (() => void) | undefined }) {
  return (
    <>
      <p className="status status-error" role="alert">
        {message}
      </p>
      {onRetry ? (
        <button type="button" className="action" onClick={onRetry}>
          {i18n.t('popup.tryAgain')}
        </button>
      ) : null}
    </>
  );
}
