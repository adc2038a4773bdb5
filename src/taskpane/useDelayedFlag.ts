import { useEffect, useState } from 'react';

/** True once `on` has stayed true for `delayMs`: short work shows no spinner, longer work does. */
export function useDelayedFlag(on: boolean, delayMs = 300): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return;
    }
    const id = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(id);
  }, [on, delayMs]);
  return on && shown;
}
