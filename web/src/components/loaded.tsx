import type { ReactNode } from 'react';
import type { LoadState } from '../hooks/use-load';
import { ErrorAlert } from './error-alert';
import { LoadingState } from './loading-state';

/** The loading and error states every screen shares; `children` renders the data. */
export function Loaded<T>({
  state,
  children,
}: {
  state: LoadState<T> & { reload: () => void };
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorAlert error={state.error} onRetry={state.reload} />;
  return children(state.data);
}
