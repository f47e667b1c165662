import { useCallback, useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown }
  | { status: 'ready'; data: T; error?: undefined };

/**
 * Loads data for a screen, again whenever `deps` change or `reload()` is called. An answer that
 * arrives after a newer request started is dropped, so a slow old search never overwrites a new one.
 * `load` is recreated on every render, so `deps` (not `load`) says when it means something new.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): LoadState<T> & { reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const keepShowing = useRef(false);

  useEffect(() => {
    const ticket = ++latest.current;
    // A reload keeps the current data on screen until the new data arrives; a new query starts blank.
    const keep = keepShowing.current;
    keepShowing.current = false;
    setState((previous) => (keep && previous.status === 'ready' ? previous : { status: 'loading' }));
    load().then(
      (data) => {
        if (ticket === latest.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (ticket === latest.current) setState({ status: 'error', error });
      },
    );
  }, [...deps, generation]);

  const reload = useCallback(() => {
    keepShowing.current = true;
    setGeneration((g) => g + 1);
  }, []);
  return { ...state, reload };
}
