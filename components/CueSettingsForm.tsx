import { t } from '../utils/i18n';
import { PracticeSet } from './PracticeSet';
import { PLANNED_MINUTES_PRESETS } from '../utils/models';
import { MINUTES_LEFT_CUE_OPTIONS, type SettingKey, type Settings } from '../utils/settings';

export interface CueSettingsFormProps {
  settings: Settings;
  /** Settings the practice sets: shown as such, and their controls disabled. */
  locked?: readonly SettingKey[];
  onChange: (changes: Partial<Settings>) => void;
  /** Shown unfolded (the options page), rather than folded away as in the panel. */
  open?: boolean;
}

/** The clinician's own defaults: planned length, which quiet cues appear, and how long a snooze lasts. */
export function CueSettingsForm({ settings, locked = [], onChange, open = false }: CueSettingsFormProps) {
  const timeCues = settings['cues.time'];
  const isLocked = (key: SettingKey) => locked.includes(key);
  const timeLocked = isLocked('cues.time');
  // A length the practice (or an older version) set that is not a preset is still shown as chosen.
  const current = settings['visit.defaultPlannedMinutes'];
  const lengthChoices: readonly number[] = (PLANNED_MINUTES_PRESETS as readonly number[]).includes(current)
    ? PLANNED_MINUTES_PRESETS
    : [...PLANNED_MINUTES_PRESETS, current].sort((a, b) => a - b);
  const toggleMinutesLeft = (minutes: number, on: boolean) => {
    const minutesLeft = on ? [...new Set([...timeCues.minutesLeft, minutes])] : timeCues.minutesLeft.filter((m) => m !== minutes);
    onChange({ 'cues.time': { ...timeCues, minutesLeft: minutesLeft.sort((a, b) => b - a) } });
  };
  const checkbox = (id: string, label: string, checked: boolean, set: (on: boolean) => void, disabled: boolean) => (
    <div class="check-field" key={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => set(event.currentTarget.checked)}
      />
      <label for={id}>
        {label}
        {disabled && <PracticeSet />}
      </label>
    </div>
  );
  return (
    <details class="disclosure" open={open}>
      <summary>{t('settingsSummary')}</summary>
      <div class="stack stack--tight">
        <div class="field">
          <label for="default-planned-length">
            {t('settingsDefaultLength')}
            {isLocked('visit.defaultPlannedMinutes') && <PracticeSet />}
          </label>
          <select
            id="default-planned-length"
            disabled={isLocked('visit.defaultPlannedMinutes')}
            value={settings['visit.defaultPlannedMinutes']}
            onChange={(event) => onChange({ 'visit.defaultPlannedMinutes': Number(event.currentTarget.value) })}
          >
            {lengthChoices.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('minutesOption', String(minutes))}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="plain-fieldset">
          <legend>{t('settingsCuesLegend')}</legend>
          {checkbox('cue-halfway', t('settingsCueHalfway'), timeCues.halfway, (on) => onChange({ 'cues.time': { ...timeCues, halfway: on } }), timeLocked)}
          {MINUTES_LEFT_CUE_OPTIONS.map((minutes) =>
            checkbox(`cue-left-${minutes}`, t('settingsCueMinutesLeft', String(minutes)), timeCues.minutesLeft.includes(minutes), (on) =>
              toggleMinutesLeft(minutes, on), timeLocked,
            ),
          )}
          {checkbox('cue-end', t('settingsCueEnd'), timeCues.atEnd, (on) => onChange({ 'cues.time': { ...timeCues, atEnd: on } }), timeLocked)}
          {checkbox('cue-agenda', t('settingsCueAgenda'), settings['cues.agendaOverrun'], (on) => onChange({ 'cues.agendaOverrun': on }), isLocked('cues.agendaOverrun'))}
          {checkbox('cue-goals', t('settingsCueGoals'), settings['cues.goalReminder'], (on) => onChange({ 'cues.goalReminder': on }), isLocked('cues.goalReminder'))}
        </fieldset>
      </div>
    </details>
  );
}
