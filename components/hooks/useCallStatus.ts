import { useEffect, useState } from 'preact/hooks';
import type { CallStatusReply } from '../../utils/messages';
import { callStatus, onCallChanged } from '../../utils/panel-link';

/** Where the panel's tab is in its call, kept current as the background's call tracker changes it. */
export function useCallStatus(onError: (failure: unknown) => void): CallStatusReply | undefined {
  const [status, setStatus] = useState<CallStatusReply>();
  useEffect(() => {
    const refresh = () => void callStatus().then(setStatus, onError);
    refresh();
    return onCallChanged(refresh);
  }, []);
  return status;
}
