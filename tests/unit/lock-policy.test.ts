import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lockOnIdleState } from '../../utils/lock/auto-lock';
import { LockSettingError, turnLockOff, turnLockOn } from '../../utils/lock/conversion';
import { isLockOn, unlockedKeys } from '../../utils/lock/state';

const PASSPHRASE = 'quiet harbour lantern';

describe('the practice and the idle state', { timeout: 60_000 }, () => {
  it('when the screen locks, Attune forgets the unlocked key', async () => {
    await turnLockOn(PASSPHRASE);
    await lockOnIdleState('active');
    expect(await unlockedKeys()).toBeDefined();
    await lockOnIdleState('locked');
    expect(await unlockedKeys()).toBeUndefined();
    expect(await isLockOn()).toBe(true);
  });

  it('a practice that requires the lock keeps it on, even with the right passphrase', async () => {
    await turnLockOn(PASSPHRASE);
    await fakeBrowser.storage.managed.set({ 'lock.required': true });
    await expect(turnLockOff(PASSPHRASE)).rejects.toBeInstanceOf(LockSettingError);
    await expect(turnLockOff(PASSPHRASE)).rejects.toThrow('The lock was not turned off: your practice requires it.');
    expect(await isLockOn()).toBe(true);
  });
});
