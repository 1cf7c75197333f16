import type { ComponentChildren } from 'preact';
import { t } from '../../utils/i18n';
import { Notice } from '../Notice';
import { UnlockForm } from './UnlockForm';
import { useLockStatus } from './useLockStatus';

/** Shows its children only when the lock is off or this page is unlocked; otherwise the unlock screen. */
export function LockGate({ id, children }: { id: string; children: ComponentChildren }) {
  const { status, problem } = useLockStatus();
  if (problem !== undefined) return <Notice tone="error">{problem}</Notice>;
  if (status === undefined) return <p>{t('loading')}</p>;
  if (status === 'locked') return <UnlockForm id={id} />;
  return <>{children}</>;
}
