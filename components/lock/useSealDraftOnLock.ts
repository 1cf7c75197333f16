import { useEffect } from 'preact/hooks';
import type { Autosave } from '../../utils/autosave';
import { keepSealedDraft } from '../../utils/lock/drafts';
import { onLockChanged, readLockRecord, unlockedKeys } from '../../utils/lock/state';

/**
 * When Attune locks with part of a note not yet saved, keeps that draft sealed for the visit (utils/lock/drafts.ts):
 * at the moment of locking, and again if the editor goes away while locked before the lock was heard here.
 */
export function useSealDraftOnLock(visitId: string, autosave: Autosave, onProblem: (failure: unknown) => void): void {
  useEffect(() => {
    const keep = () => {
      const draft = autosave.unsaved();
      if (draft !== undefined) void keepSealedDraft(visitId, draft).catch(onProblem);
    };
    const stop = onLockChanged((unlocked) => {
      if (!unlocked) keep();
    });
    return () => {
      stop();
      void Promise.all([readLockRecord(), unlockedKeys()])
        .then(([record, keys]) => record !== undefined && keys === undefined && keep())
        .catch(onProblem);
    };
  }, [visitId, autosave]);
}
