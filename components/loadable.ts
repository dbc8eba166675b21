/** A value the popup asks another context for: shown as loading, then the value or why it failed. */
export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

export const LOADING: Loadable<never> = { status: 'loading' };
