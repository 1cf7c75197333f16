/**
 * Finishing an interrupted lock conversion without anyone having to ask: the background runs it whenever Attune becomes
 * unlocked (on any page: the session's secret appears) and when it starts up already unlocked. Turning the lock on or
 * off in the options page runs the same pass; both are safe together (see conversion.ts), and this one runs at most
 * once at a time per background.
 */
import { resumeLockConversion } from './conversion';
import { onLockChanged, unlockedKeys } from './state';

let running: Promise<boolean> | undefined;

/** Resumes an interrupted conversion if Attune is unlocked; resolves to whether there was one to finish. */
export function resumeConversionIfUnlocked(): Promise<boolean> {
  running ??= (async () => {
    try {
      return (await unlockedKeys()) !== undefined && (await resumeLockConversion());
    } finally {
      running = undefined;
    }
  })();
  return running;
}

function resumeAndReport(): void {
  void resumeConversionIfUnlocked().catch((error: unknown) => {
    console.error('Attune could not finish sealing or opening your records; it will try again when next unlocked.', error);
  });
}

/** Registered by the background at start-up (synchronously, like its other listeners); returns how to stop listening. */
export function registerConversionResume(): () => void {
  const stop = onLockChanged((isUnlocked) => {
    if (isUnlocked) resumeAndReport();
  });
  resumeAndReport();
  return stop;
}
