import { useCallback, useState } from 'react';

/**
 * A form's submission: `pending` while the request runs, the error if it failed. The form's own
 * state is untouched, so whatever the user typed stays on screen to correct and send again.
 */
export function useSubmit<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setPending(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        setError(caught);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action],
  );

  return { submit, pending, error, clearError: () => setError(null) };
}
