import { t } from '../../utils/i18n';
import type { SettingKey, Settings } from '../../utils/settings';
import { PracticeSet } from '../PracticeSet';

const MINUTES_CHOICES = [1, 2, 5, 10, 15, 30, 60, 120, 240];
const WARNING_CHOICES = [0, 15, 30, 45, 60, 120];

export interface AutoLockSettingsProps {
  settings: Settings;
  /** Settings the practice sets: shown as such, and their controls disabled. */
  locked: readonly SettingKey[];
  onChange: (changes: Partial<Settings>) => void;
}

/** A value the practice (or an older version) set that is not a listed choice is still shown as chosen. */
const withCurrent = (choices: number[], current: number) => (choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b));

/** When the lock engages by itself after the computer sits unused, and how long before that Attune warns. */
export function AutoLockSettings({ settings, locked, onChange }: AutoLockSettingsProps) {
  const select = (key: 'lock.autoLockMinutes' | 'lock.warningSeconds', id: string, label: string, choices: number[], option: (value: number) => string) => (
    <div class="field">
      <label for={id}>
        {label}
        {locked.includes(key) && <PracticeSet />}
      </label>
      <select id={id} disabled={locked.includes(key)} value={settings[key]} onChange={(event) => onChange({ [key]: Number(event.currentTarget.value) })}>
        {withCurrent(choices, settings[key]).map((value) => (
          <option key={value} value={value}>
            {option(value)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset class="plain-fieldset stack stack--tight">
      <legend>{t('autoLockLegend')}</legend>
      {select('lock.autoLockMinutes', 'auto-lock-minutes', t('autoLockMinutesLabel'), MINUTES_CHOICES, (value) => t('minutesOption', String(value)))}
      {select('lock.warningSeconds', 'auto-lock-warning', t('autoLockWarningLabel'), WARNING_CHOICES, (value) =>
        value === 0 ? t('autoLockNoWarning') : t('autoLockSecondsOption', String(value)),
      )}
    </fieldset>
  );
}
