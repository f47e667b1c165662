import { useState } from 'react';

/**
 * True from the first time `opened` is. A closed Mantine modal still puts a portal into the page (a
 * node, an effect, a second render): one per row of a list adds up on the first render. Drawn from
 * its first opening on, a modal costs nothing until used and still animates its closing.
 */
export function useOpenedOnce(opened: boolean): boolean {
  const [once, setOnce] = useState(opened);
  if (opened && !once) setOnce(true);
  return once || opened;
}
