import type { RuptureNote } from '../../utils/checkin/record';
import { t, type MessageKey } from '../../utils/i18n';

export interface RuptureSummaryProps {
  rupture: RuptureNote;
}

const MARKER: Record<RuptureNote['markers'][number], MessageKey> = { withdrawal: 'ruptureWithdrawal', confrontation: 'ruptureConfrontation' };
const STRAINED: Record<RuptureNote['strained'][number], MessageKey> = { goal: 'ruptureStrainedGoal', task: 'ruptureStrainedTask', bond: 'ruptureStrainedBond' };
const REPAIR: Record<NonNullable<RuptureNote['repair']>, MessageKey> = { 'not-yet': 'ruptureRepairNotYet', addressed: 'ruptureRepairAddressed', repaired: 'ruptureRepairRepaired' };

/** The rupture notes of a check-in, as recorded; nothing when none were made. */
export function RuptureSummary({ rupture }: RuptureSummaryProps) {
  const noted = rupture.markers.length > 0 || rupture.strained.length > 0 || rupture.repair !== null || rupture.forNextTime.trim() !== '';
  if (!noted) return <p class="hint">{t('reviewNoRupture')}</p>;
  return (
    <dl class="scores" data-rupture="">
      {rupture.markers.length > 0 && (
        <div>
          <dt>{t('ruptureMarkersLegend')}</dt>
          <dd>{rupture.markers.map((marker) => t(MARKER[marker])).join(', ')}</dd>
        </div>
      )}
      {rupture.strained.length > 0 && (
        <div>
          <dt>{t('ruptureStrainedLegend')}</dt>
          <dd>{rupture.strained.map((part) => t(STRAINED[part])).join(', ')}</dd>
        </div>
      )}
      {rupture.repair !== null && (
        <div>
          <dt>{t('ruptureRepairLegend')}</dt>
          <dd>{t(REPAIR[rupture.repair])}</dd>
        </div>
      )}
      {rupture.forNextTime.trim() !== '' && (
        <div>
          <dt>{t('forNextTimeLabel')}</dt>
          <dd class="pre-line">{rupture.forNextTime}</dd>
        </div>
      )}
    </dl>
  );
}
