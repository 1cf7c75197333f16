import { useEffect, useRef } from 'preact/hooks';

/**
 * Puts the keyboard on an element when it first appears, if `enabled` (only ever after the clinician asked to go there,
 * never on a page's first load), as a page change would.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, []);
  return ref;
}
