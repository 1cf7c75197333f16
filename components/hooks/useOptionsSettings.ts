import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { failureText } from './useActionOutcome';
import { followSettings, type SettingsFollower } from '../../utils/settings-follower';
import { type Settings, type SettingsWithProblems } from '../../utils/settings';

export type OptionsMessage = { tone: 'info' | 'error'; text: string };

export { failureText };

export interface OptionsSettings {
  loaded: SettingsWithProblems | undefined;
  message: OptionsMessage | undefined;
  setMessage: (message: OptionsMessage) => void;
  /** Validates and saves at once; says "Saved", or why nothing was saved. */
  save: (changes: Partial<Settings>) => Promise<void>;
}

/** The options page's settings: loaded with what the practice sets, followed while the clinician's changes are saved. */
export function useOptionsSettings(): OptionsSettings {
  const [loaded, setLoaded] = useState<SettingsWithProblems>();
  const [message, setMessage] = useState<OptionsMessage>();
  const follower = useRef<SettingsFollower>();

  useEffect(() => {
    follower.current = followSettings(setLoaded, {
      onLoadError: (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }),
    });
    return () => follower.current?.stop();
  }, []);

  // "Saved" speaks for the newest change only: it is cleared while that change is written, and an earlier save that
  // finishes later does not claim it (nor hide why the newest one was refused). A refusal is always shown.
  const saves = useRef(0);
  const save = (changes: Partial<Settings>): Promise<void> => {
    const ticket = (saves.current += 1);
    setMessage(undefined);
    return (follower.current?.save(changes) ?? Promise.resolve()).then(
      () => {
        if (ticket === saves.current) setMessage({ tone: 'info', text: t('settingsSaved') });
      },
      (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }),
    );
  };

  return { loaded, message, setMessage, save };
}
