import { t } from '../utils/i18n';
import { PLANNED_MINUTES_PRESETS } from '../utils/models';
import { MINUTES_LEFT_CUE_OPTIONS, type Settings } from '../utils/settings';

export interface CueSettingsFormProps {
  settings: Settings;
  onChange: (changes: Partial<Settings>) => void;
}

/** The clinician's own defaults: planned length, which quiet cues appear, and how long a snooze lasts. */
export function CueSettingsForm({ settings, onChange }: CueSettingsFormProps) {
  const timeCues = settings['cues.time'];
  const toggleMinutesLeft = (minutes: number, on: boolean) => {
    const minutesLeft = on ? [...new Set([...timeCues.minutesLeft, minutes])] : timeCues.minutesLeft.filter((m) => m !== minutes);
    onChange({ 'cues.time': { ...timeCues, minutesLeft: minutesLeft.sort((a, b) => b - a) } });
  };
  const checkbox = (id: string, label: string, checked: boolean, set: (on: boolean) => void) => (
    <div class="check-field" key={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => set(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
  return (
    <details class="disclosure">
      <summary>{t('settingsSummary')}</summary>
      <div class="stack stack--tight">
        <div class="field">
          <label for="default-planned-length">{t('settingsDefaultLength')}</label>
          <select
            id="default-planned-length"
            value={settings['visit.defaultPlannedMinutes']}
            onChange={(event) => onChange({ 'visit.defaultPlannedMinutes': Number(event.currentTarget.value) })}
          >
            {PLANNED_MINUTES_PRESETS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('minutesOption', String(minutes))}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="plain-fieldset">
          <legend>{t('settingsCuesLegend')}</legend>
          {checkbox('cue-halfway', t('settingsCueHalfway'), timeCues.halfway, (on) => onChange({ 'cues.time': { ...timeCues, halfway: on } }))}
          {MINUTES_LEFT_CUE_OPTIONS.map((minutes) =>
            checkbox(`cue-left-${minutes}`, t('settingsCueMinutesLeft', String(minutes)), timeCues.minutesLeft.includes(minutes), (on) =>
              toggleMinutesLeft(minutes, on),
            ),
          )}
          {checkbox('cue-end', t('settingsCueEnd'), timeCues.atEnd, (on) => onChange({ 'cues.time': { ...timeCues, atEnd: on } }))}
          {checkbox('cue-agenda', t('settingsCueAgenda'), settings['cues.agendaOverrun'], (on) => onChange({ 'cues.agendaOverrun': on }))}
          {checkbox('cue-goals', t('settingsCueGoals'), settings['cues.goalReminder'], (on) => onChange({ 'cues.goalReminder': on }))}
        </fieldset>
      </div>
    </details>
  );
}
