import { i18n } from '#i18n';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Around the whole popup: React takes a tree that threw off the page, and a
 * blank popup told the reader nothing, not even that closing and opening it
 * again is worth a try.
 */
export class PopupErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // With the component stack: the message alone does not say which part of the popup threw.
    console.error('[Backstory] The popup failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="popup">
        <p className="brand">{i18n.t('extName')}</p>
        <p className="status status-error" role="alert">
          {i18n.t('popup.failed')}
        </p>
      </main>
    );
  }
}
