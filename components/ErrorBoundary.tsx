import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Shown in place of what threw. */
  fallback: ReactNode;
  /** With the component stack: the message alone does not say which part threw. */
  onError: (error: unknown, componentStack: string) => void;
  /** A new value gives what threw another try: the card's next open. */
  resetKey?: unknown;
}

/**
 * Keeps a throw in rendering to the part of the UI that threw: without one,
 * React takes the whole root off the page, for good (the card was gone from
 * every later hover until the page loaded again; the popup went blank).
 */
export class ErrorBoundary extends Component<Props, { failed: boolean; resetKey: unknown }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; resetKey: unknown }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
