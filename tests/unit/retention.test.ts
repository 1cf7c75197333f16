import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { openAttuneDb } from '../../utils/db/open';
import { applyRetention, RETENTION_ALARM, RETENTION_PERIOD_MINUTES, retentionCutoff } from '../../utils/retention';
import { writeSetting } from '../../utils/settings';
import { fillWithHistory, NOW } from './review-fixtures';

const DAY = 86_400_000;

describe('retention rule', () => {
  it.each([
    [0, null],
    [1, NOW - DAY],
    [365, NOW - 365 * DAY],
  ])('%i days gives the cutoff %s', (days, cutoff) => {
    expect(retentionCutoff(days, NOW)).toBe(cutoff);
  });

  it('is off by default: nothing is deleted', async () => {
    const history = await fillWithHistory(100);
    expect(await applyRetention(NOW)).toBe(0);
    expect(await (await openAttuneDb()).count('visits')).toBe(history.visits.length + 1);
  });

  it('deletes the visits older than the setting, and only those', async () => {
    const history = await fillWithHistory(200);
    await writeSetting('retention.visitDays', 20);
    const old = history.visits.filter((visit) => visit.startedAt < NOW - 20 * DAY).length + 1;
    expect(old).toBeGreaterThan(10);
    expect(await applyRetention(NOW)).toBe(old);
    expect(await (await openAttuneDb()).count('visits')).toBe(history.visits.length + 1 - old);
  });

  it('refuses a period outside 0–3650 days, naming the setting', async () => {
    await expect(writeSetting('retention.visitDays', -1)).rejects.toThrow(/"retention\.visitDays" was not saved/);
    await expect(writeSetting('retention.visitDays', 3651)).rejects.toThrow(/"retention\.visitDays" was not saved/);
  });

  it('the background schedules it on an alarm and applies it when the alarm fires and when the setting changes', async () => {
    await fillWithHistory(150);
    await background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({ periodInMinutes: RETENTION_PERIOD_MINUTES }));
    const db = await openAttuneDb();
    const before = await db.count('visits');
    await writeSetting('retention.visitDays', 30);
    await vi.waitFor(async () => expect(await db.count('visits')).toBeLessThan(before));
    const afterChange = await db.count('visits');
    // New old visits appear (time passes); the alarm removes them.
    const [visit] = await db.getAll('visits', undefined, 1);
    await db.put('visits', { ...(visit ?? expect.fail('a visit')), id: '7a1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e55', startedAt: 10, endedAt: 20 });
    expect(await db.count('visits')).toBe(afterChange + 1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: Date.now(), periodInMinutes: RETENTION_PERIOD_MINUTES });
    await vi.waitFor(async () => expect(await db.count('visits')).toBe(afterChange));
  });
});
