import { ALLIANCE_PARTS } from '../utils/checkin/instrument';
import type { ViewScores } from '../utils/checkin/scoring';
import type { CheckInReview } from '../utils/db/checkins';
import { t } from '../utils/i18n';
import { FlagList, PART_WORDS } from './FlagList';

export interface CheckInScoresProps {
  review: CheckInReview;
}

function scoreText(scores: ViewScores | null): string {
  if (scores === null) return t('checkInScoreSkipped');
  if (scores.total === null) return t('checkInScoreIncomplete', String(scores.missing));
  return t('checkInScoreOf', [String(scores.total), String(scores.range.max)]);
}

function partsText(scores: ViewScores | null): string {
  if (scores === null) return '';
  return ALLIANCE_PARTS.filter((part) => scores.parts[part] !== null)
    .map((part) => t('checkInPartScores', [t(PART_WORDS[part]), String(scores.parts[part])]))
    .join(' · ');
}

/** What a check-in shows: totals and per-part scores of both views, the gap between them, the trend, and flags. */
export function CheckInScores({ review }: CheckInScoresProps) {
  const { client, clinician, previousClientTotal, flags, instrument } = review;
  const gap = client?.total != null && clinician?.total != null ? Math.abs(client.total - clinician.total) : null;
  return (
    <div class="stack checkin-review">
      <dl class="scores">
        <div data-view="client">
          <dt>{t('checkInScoreClient', scoreText(client))}</dt>
          <dd class="hint">{partsText(client)}</dd>
        </div>
        <div data-view="clinician">
          <dt>{t('checkInScoreClinician', scoreText(clinician))}</dt>
          <dd class="hint">{partsText(clinician)}</dd>
        </div>
      </dl>
      {gap !== null && <p class="checkin-gap">{t('checkInGap', String(gap))}</p>}
      <p class="hint">{previousClientTotal === null ? t('checkInFirst') : t('checkInPrevious', String(previousClientTotal))}</p>
      <FlagList flags={flags} instrument={instrument} />
    </div>
  );
}
