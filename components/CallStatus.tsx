import { formatTime, t, type MessageKey } from '../utils/i18n';
import type { CallStatusReply } from '../utils/messages';
import type { VisitEndReason } from '../utils/models';

export interface CallStatusProps {
  status: CallStatusReply | undefined;
}

const REASON_KEYS: Record<VisitEndReason, MessageKey> = {
  'left-call': 'endReasonLeftCall',
  'media-stopped': 'endReasonMediaStopped',
  'tab-closed': 'endReasonTabClosed',
  manual: 'endReasonManual',
};

function describe(status: CallStatusReply): string | undefined {
  switch (status.phase) {
    case 'idle':
      return undefined;
    case 'waiting':
      return t('callWaiting');
    case 'in-call':
      return status.callStartedAt === null ? undefined : t('callInCall', formatTime(status.callStartedAt));
    case 'ending':
      return t('callEnding');
    case 'ended':
      return status.endedAt === null || status.endReason === null
        ? undefined
        : t('callEnded', [formatTime(status.endedAt), t(REASON_KEYS[status.endReason])]);
  }
}

/** One quiet line saying where the call is, announced politely when it changes. */
export function CallStatus({ status }: CallStatusProps) {
  const text = status === undefined ? undefined : describe(status);
  return (
    <p class="call-status hint" role="status" data-call-phase={status?.phase ?? 'idle'}>
      {text ?? ''}
    </p>
  );
}
