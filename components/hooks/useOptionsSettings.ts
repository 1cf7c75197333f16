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
  const [message, setMessage] = useState<OptionsMessage | undefined>();
  const follower = useRef<SettingsFollower>();

  useEffect(() => {
    follower.current = followSettings(setLoaded, {
      onLoadError: (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }),
    });
    return () => follower.current?.stop();
  }, []);

  // "Saved" from an earlier change must not stand for this one while it is being written.
  const save = (changes: Partial<Settings>): Promise<void> => {
    setMessage(undefined);
    return (follower.current?.save(changes) ?? Promise.resolve()).then(
      () => setMessage({ tone: 'info', text: t('settingsSaved') }),
      (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }),
    );
  };

  return { loaded, message, setMessage, save };
}
