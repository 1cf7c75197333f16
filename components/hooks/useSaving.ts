import { useState } from 'preact/hooks';

/**
 * What a control shows while the clinician's change to it is being saved. The panel saves first and shows what was
 * saved, but a checkbox or a list box has already changed under the clinician's hand: until the save settles, the
 * control keeps showing their choice, so the panel's own updates in the meantime (the visit timer, another section's
 * save) never flip it back. Saved, it shows the saved value; failed, the value as it was (the failure is reported
 * where the save is).
 */
export function useSaving<T>(saved: T): [shown: T, saving: (choice: T, save: Promise<unknown>) => void] {
  const [pending, setPending] = useState<{ choice: T }>();
  const saving = (choice: T, save: Promise<unknown>) => {
    const current = { choice };
    setPending(current);
    // Only the latest choice is cleared by its own save; an earlier one settling later changes nothing.
    void save.finally(() => setPending((latest) => (latest === current ? undefined : latest)));
  };
  return [pending === undefined ? saved : pending.choice, saving];
}
