import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyAutoLockEvent, readAutoLockWarning, stayUnlocked } from '../../utils/lock/auto-lock';
import { autoLockTiming, nextAutoLockStep, type AutoLockSituation } from '../../utils/lock/auto-lock-plan';
import { turnLockOn } from '../../utils/lock/conversion';
import { unlockedKeys } from '../../utils/lock/state';
import { writeSetting } from '../../utils/settings';

const NOW = 1_000_000;
const timing = { detectionSeconds: 840, warningSeconds: 60 };
const situation = (over: Partial<AutoLockSituation> = {}): AutoLockSituation => ({ now: NOW, unlocked: true, warning: undefined, timing, ...over });

describe('auto-lock timing', () => {
  it.each([
    [15, 60, { detectionSeconds: 840, warningSeconds: 60 }],
    [1, 60, { detectionSeconds: 15, warningSeconds: 45 }],
    [1, 0, { detectionSeconds: 60, warningSeconds: 0 }],
    [2, 30, { detectionSeconds: 90, warningSeconds: 30 }],
  ])('%i minutes with a %i s warning: %o', (minutes, warning, expected) => {
    expect(autoLockTiming(minutes, warning)).toEqual(expected);
  });
});

describe('the auto-lock warning step by step', () => {
  it.each([
    ['the screen locks: lock at once', { kind: 'idle-state', state: 'locked' } as const, situation(), { lock: true, warning: undefined, recheckAt: undefined }],
    ['the screen locks during a warning: lock at once', { kind: 'idle-state', state: 'locked' } as const, situation({ warning: { locksAt: NOW + 9 } }), { lock: true, warning: undefined, recheckAt: undefined }],
    ['idle: the warning starts', { kind: 'idle-state', state: 'idle' } as const, situation(), { lock: false, warning: { locksAt: NOW + 60_000 }, recheckAt: undefined }],
    ['idle with no warning time: lock at once', { kind: 'idle-state', state: 'idle' } as const, situation({ timing: { detectionSeconds: 900, warningSeconds: 0 } }), { lock: true, warning: undefined, recheckAt: undefined }],
    ['idle again during a warning: the same warning', { kind: 'idle-state', state: 'idle' } as const, situation({ warning: { locksAt: NOW + 5 } }), { lock: false, warning: { locksAt: NOW + 5 }, recheckAt: undefined }],
    ['activity cancels the warning', { kind: 'idle-state', state: 'active' } as const, situation({ warning: { locksAt: NOW + 5 } }), { lock: false, warning: undefined, recheckAt: undefined }],
    ['the warning runs out: lock', { kind: 'warning-ended' } as const, situation({ warning: { locksAt: NOW } }), { lock: true, warning: undefined, recheckAt: undefined }],
    ['an early alarm keeps waiting', { kind: 'warning-ended' } as const, situation({ warning: { locksAt: NOW + 1 } }), { lock: false, warning: { locksAt: NOW + 1 }, recheckAt: undefined }],
    ['an alarm after "Stay unlocked" does nothing', { kind: 'warning-ended' } as const, situation(), { lock: false, warning: undefined, recheckAt: undefined }],
    ['"Stay unlocked" ends the warning and checks again later', { kind: 'stay-unlocked' } as const, situation({ warning: { locksAt: NOW + 5 } }), { lock: false, warning: undefined, recheckAt: NOW + 840_000 }],
    ['already locked: nothing to do', { kind: 'idle-state', state: 'idle' } as const, situation({ unlocked: false }), { lock: false, warning: undefined, recheckAt: undefined }],
  ])('%s', (_name, event, given, expected) => {
    expect(nextAutoLockStep(event, given)).toEqual(expected);
  });
});

describe('the auto-lock warning applied', { timeout: 60_000 }, () => {
  it('going idle warns without locking; the warning running out locks', async () => {
    await turnLockOn('quiet harbour lantern');
    await applyAutoLockEvent({ kind: 'idle-state', state: 'idle' }, NOW);
    expect(await readAutoLockWarning()).toEqual({ locksAt: NOW + 60_000 });
    expect((await fakeBrowser.alarms.get('attune-auto-lock'))?.scheduledTime).toBe(NOW + 60_000);
    expect(await unlockedKeys()).toBeDefined();
    await applyAutoLockEvent({ kind: 'warning-ended' }, NOW + 60_000);
    expect(await unlockedKeys()).toBeUndefined();
    expect(await readAutoLockWarning()).toBeUndefined();
  });

  it('"Stay unlocked" keeps Attune unlocked past the warning and schedules a fresh check', async () => {
    await turnLockOn('quiet harbour lantern');
    await writeSetting('lock.autoLockMinutes', 2);
    await writeSetting('lock.warningSeconds', 30);
    await applyAutoLockEvent({ kind: 'idle-state', state: 'idle' }, NOW);
    expect(await readAutoLockWarning()).toEqual({ locksAt: NOW + 30_000 });
    await stayUnlocked();
    expect(await readAutoLockWarning()).toBeUndefined();
    expect(await fakeBrowser.alarms.get('attune-auto-lock')).toBeUndefined();
    expect(await fakeBrowser.alarms.get('attune-auto-lock-recheck')).toBeDefined();
    await applyAutoLockEvent({ kind: 'warning-ended' }, NOW + 30_000);
    expect(await unlockedKeys()).toBeDefined();
  });
});
