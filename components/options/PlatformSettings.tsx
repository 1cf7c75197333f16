import { t } from '../../utils/i18n';
import type { Platform } from '../../utils/platforms';
import { PracticeSet } from '../PracticeSet';

export interface PlatformSettingsProps {
  platforms: readonly Platform[];
  /** Ids of the platforms Attune stays off on. */
  disabled: readonly string[];
  /** The practice sets the list: shown as such, and the boxes disabled. */
  locked: boolean;
  onChange: (disabled: string[]) => void;
}

/** Which built-in video-visit platforms Attune works on. Platform names are proper nouns and are not translated. */
export function PlatformSettings({ platforms, disabled, locked, onChange }: PlatformSettingsProps) {
  const toggle = (id: string, on: boolean) => onChange(on ? disabled.filter((off) => off !== id) : [...disabled, id]);
  return (
    <section class="stack" aria-labelledby="platforms-heading">
      <h2 id="platforms-heading">{t('platformsHeading')}</h2>
      <fieldset class="plain-fieldset stack stack--tight">
        <legend>
          {t('platformsLegend')}
          {locked && <PracticeSet />}
        </legend>
        <p class="hint">{t('platformsHint')}</p>
        {platforms.map((platform) => (
          <div class="check-field" key={platform.id}>
            <input
              id={`platform-${platform.id}`}
              type="checkbox"
              checked={!disabled.includes(platform.id)}
              disabled={locked}
              onChange={(event) => toggle(platform.id, event.currentTarget.checked)}
            />
            <label for={`platform-${platform.id}`}>{platform.name}</label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}
