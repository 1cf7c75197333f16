import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { allowedHostSchema, PRESENCE_PERIODIC_MINUTES, type SettingKey, type Settings } from '../utils/settings';
import { PracticeSet } from './PracticeSet';

type PresenceKey = Extract<keyof Settings, `presence.${string}`>;

export interface PresenceSettingsProps {
  settings: Settings;
  /** Settings the practice sets: shown as such, and their controls disabled. */
  locked?: readonly SettingKey[];
  onChange<K extends PresenceKey>(key: K, value: Settings[K]): void;
  /** Turning the notification on asks for the permission, so it must run inside the click itself. */
  onNotifyChange: (on: boolean) => void;
  /** A valid site name; asking for its permission must also run inside the click. */
  onAddHost: (host: string) => void;
  onRemoveHost: (host: string) => void;
}

const AWAY_THRESHOLD_CHOICES = [10, 20, 30, 60, 120];
const NOTIFY_AFTER_CHOICES = [60, 120, 300, 600];

/** With the stored value offered even when it is not one of the usual choices. */
const choicesWith = (choices: readonly number[], current: number) =>
  choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);

/** The clinician's presence-nudge settings. Every part can be turned off. */
export function PresenceSettings({ settings, locked = [], onChange, onNotifyChange, onAddHost, onRemoveHost }: PresenceSettingsProps) {
  const isLocked = (key: SettingKey) => locked.includes(key);
  const mark = (key: SettingKey) => isLocked(key) && <PracticeSet />;
  const [hostInput, setHostInput] = useState('');
  const [hostError, setHostError] = useState('');
  const enabled = settings['presence.enabled'];

  const addHost = (event: Event) => {
    event.preventDefault();
    const parsed = allowedHostSchema.safeParse(hostInput);
    if (!parsed.success) {
      setHostError(t('presenceHostInvalid', hostInput.trim()));
      return;
    }
    setHostError('');
    setHostInput('');
    onAddHost(parsed.data);
  };

  return (
    <section class="stack" aria-labelledby="presence-settings-heading">
      <h2 id="presence-settings-heading">{t('presenceSettingsHeading')}</h2>
      <p class="hint">{t('presenceSettingsIntro')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={enabled}
          disabled={isLocked('presence.enabled')}
          onChange={(event) => onChange('presence.enabled', event.currentTarget.checked)}
        />
        {t('presenceEnabledLabel')}
        {mark('presence.enabled')}
      </label>
      <fieldset class="stack settings-group" disabled={!enabled}>
        <legend class="visually-hidden">{t('presenceSettingsHeading')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={settings['presence.awayCue']}
          disabled={isLocked('presence.awayCue')}
            onChange={(event) => onChange('presence.awayCue', event.currentTarget.checked)}
          />
          {t('presenceAwayCueLabel')}
          {mark('presence.awayCue')}
        </label>
        <div class="field">
          <label for="presence-away-threshold">
            {t('presenceAwayThresholdLabel')}
            {mark('presence.awayThresholdSeconds')}
          </label>
          <select
            id="presence-away-threshold"
            disabled={isLocked('presence.awayThresholdSeconds')}
            value={String(settings['presence.awayThresholdSeconds'])}
            onChange={(event) => onChange('presence.awayThresholdSeconds', Number(event.currentTarget.value))}
          >
            {choicesWith(AWAY_THRESHOLD_CHOICES, settings['presence.awayThresholdSeconds']).map((seconds) => (
              <option key={seconds} value={String(seconds)}>
                {t('secondsOption', String(seconds))}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={settings['presence.notifyWhenAway']}
          disabled={isLocked('presence.notifyWhenAway')}
            onChange={(event) => onNotifyChange(event.currentTarget.checked)}
          />
          {t('presenceNotifyLabel')}
          {mark('presence.notifyWhenAway')}
        </label>
        <div class="field">
          <label for="presence-notify-after">
            {t('presenceNotifyAfterLabel')}
            {mark('presence.notifyAfterSeconds')}
          </label>
          <select
            id="presence-notify-after"
            disabled={!settings['presence.notifyWhenAway'] || isLocked('presence.notifyAfterSeconds')}
            value={String(settings['presence.notifyAfterSeconds'])}
            onChange={(event) => onChange('presence.notifyAfterSeconds', Number(event.currentTarget.value))}
          >
            {choicesWith(NOTIFY_AFTER_CHOICES, settings['presence.notifyAfterSeconds']).map((seconds) => (
              <option key={seconds} value={String(seconds)}>
                {seconds % 60 === 0 ? t('minutesOption', String(seconds / 60)) : t('secondsOption', String(seconds))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="presence-periodic">
            {t('presencePeriodicLabel')}
            {mark('presence.periodicMinutes')}
          </label>
          <select
            id="presence-periodic"
            disabled={isLocked('presence.periodicMinutes')}
            value={String(settings['presence.periodicMinutes'])}
            onChange={(event) => {
              const minutes = PRESENCE_PERIODIC_MINUTES.find((choice) => String(choice) === event.currentTarget.value);
              if (minutes !== undefined) onChange('presence.periodicMinutes', minutes);
            }}
          >
            {PRESENCE_PERIODIC_MINUTES.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes === 0 ? t('presencePeriodicOff') : t('presencePeriodicEvery', String(minutes))}
              </option>
            ))}
          </select>
        </div>
        <form class="field" onSubmit={addHost} aria-labelledby="presence-hosts-label">
          <span id="presence-hosts-label" class="label">
            {t('presenceHostsLabel')}
            {mark('presence.allowedHosts')}
          </span>
          <p id="presence-hosts-hint" class="hint">
            {t('presenceHostsHint')}
          </p>
          {settings['presence.allowedHosts'].length === 0 ? (
            <p class="hint">{t('presenceHostsEmpty')}</p>
          ) : (
            <ul class="host-list">
              {settings['presence.allowedHosts'].map((host) => (
                <li key={host}>
                  <span>{host}</span>
                  <button type="button" class="link" disabled={isLocked('presence.allowedHosts')} onClick={() => onRemoveHost(host)}>
                    {t('presenceHostRemove', host)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="inline-field">
            <input
              disabled={isLocked('presence.allowedHosts')}
              type="text"
              aria-label={t('presenceHostInput')}
              aria-describedby="presence-hosts-hint presence-host-error"
              aria-invalid={hostError !== ''}
              autoComplete="off"
              spellcheck={false}
              value={hostInput}
              onInput={(event) => setHostInput(event.currentTarget.value)}
            />
            <button type="submit" disabled={isLocked('presence.allowedHosts')}>
              {t('presenceHostAdd')}
            </button>
          </div>
          <p id="presence-host-error" class="field-error" role="alert">
            {hostError}
          </p>
        </form>
      </fieldset>
    </section>
  );
}
