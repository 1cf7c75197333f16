/**
 * The optional retention rule (`retention.visitDays`, off by default): the background deletes visits that started more
 * than that many days ago. It runs on an alarm (which wakes a stopped service worker), when the browser starts, and
 * as soon as the clinician or the practice changes the setting.
 */
import { browser } from './browser';
import { deleteVisitsStartedBefore } from './db/deletion';
import { readSettings } from './settings';

export const RETENTION_ALARM = 'attune-retention';
/** Every six hours: a rule counted in days needs no more. */
export const RETENTION_PERIOD_MINUTES = 360;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The start time before which visits are deleted, or null when the rule is off. */
export function retentionCutoff(visitDays: number, now: number): number | null {
  return visitDays > 0 ? now - visitDays * DAY_MS : null;
}

/** Applies the rule now; returns how many visits were deleted. */
export async function applyRetention(now: number): Promise<number> {
  const cutoff = retentionCutoff((await readSettings())['retention.visitDays'], now);
  return cutoff === null ? 0 : deleteVisitsStartedBefore(cutoff);
}

function applyAndReport(): void {
  void applyRetention(Date.now())
    .then((deleted) => {
      if (deleted > 0) console.info(`Attune deleted ${deleted} visit(s) older than the retention period.`);
    })
    .catch((error: unknown) => console.error('Attune could not apply the retention rule.', error));
}

/** Registers the rule's listeners; call synchronously at the top of the background so wake-up events are delivered. */
export function registerRetentionListeners(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) applyAndReport();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' || area === 'managed') && 'retention.visitDays' in changes) applyAndReport();
  });
  browser.runtime.onStartup.addListener(applyAndReport);
  // Creating the alarm again keeps its period and does no harm; it is missing only after an install or update.
  void browser.alarms
    .get(RETENTION_ALARM)
    .then((alarm) => (alarm === undefined ? browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES, delayInMinutes: 1 }) : undefined))
    .catch((error: unknown) => console.error('Attune could not schedule its retention rule.', error));
}
