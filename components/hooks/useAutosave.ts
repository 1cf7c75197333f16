import { useEffect, useMemo, useState } from 'preact/hooks';
import { createAutosave, type Autosave, type SaveState } from '../../utils/autosave';

/** Autosave bound to a component's life; pending text is written when the page is hidden or closed. */
export function useAutosave(save: (text: string) => Promise<void>): [Autosave, SaveState] {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const autosave = useMemo(() => createAutosave({ save, onState: setState, now: Date.now }), [save]);
  useEffect(() => {
    const flushOnHide = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    const flushNow = () => void autosave.flush();
    document.addEventListener('visibilitychange', flushOnHide);
    window.addEventListener('pagehide', flushNow);
    return () => {
      document.removeEventListener('visibilitychange', flushOnHide);
      window.removeEventListener('pagehide', flushNow);
      void autosave.flush().then(() => autosave.dispose());
    };
  }, [autosave]);
  return [autosave, state];
}
