import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Draws `children` only once what the page drew first is on screen, as a transition (React renders
 * it in slices, yielding to the browser between them): parts below the fold (and the requests they
 * make) then neither delay the page's first content nor make one long task with it.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callback runs before it is painted; the timeout's task, after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return shown ? children : null;
}
