import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser';
import { addCustomHost, listCustomHosts, originPatternFor, requestHostAccess } from '../../utils/custom-hosts';
import { t } from '../../utils/i18n';
import { failureText } from './useOptionsSettings';

export interface PracticeHost {
  host: string;
  /** Attune may run there: the clinician allowed it and it is watched. */
  allowed: boolean;
}

export interface PracticeHosts {
  hosts: readonly PracticeHost[] | undefined;
  busy: boolean;
  status: string;
  error: string | undefined;
  onAllow: (host: string) => void;
}

async function statusOf(hosts: readonly string[]): Promise<PracticeHost[]> {
  const watched = await listCustomHosts();
  return Promise.all(
    hosts.map(async (host) => ({
      host,
      allowed: watched.includes(host) && (await browser.permissions.contains({ origins: [originPatternFor(host)] })),
    })),
  );
}

/**
 * The video-visit sites the practice's policy lists. A policy cannot grant a site permission: each waits for the
 * clinician's one click on "Allow", which asks the browser and then watches calls there like a site they added.
 */
export function usePracticeHosts(practiceHosts: readonly string[]): PracticeHosts {
  const [hosts, setHosts] = useState<PracticeHost[]>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();
  const listed = practiceHosts.join(' ');

  useEffect(() => {
    statusOf(practiceHosts).then(setHosts, (failure: unknown) => setError(failureText(failure)));
  }, [listed]);

  const onAllow = (host: string) => {
    setStatus('');
    setError(undefined);
    // Asked before anything else is awaited: the browser shows its prompt only during the clinician's click.
    const granted = requestHostAccess(host);
    setBusy(true);
    granted
      .then(async (allowed) => {
        if (!allowed) return setError(t('customHostDenied', host));
        await addCustomHost(host);
        setHosts(await statusOf(practiceHosts));
        setStatus(t('practiceHostAllowed', host));
      })
      .catch((failure: unknown) => setError(failureText(failure)))
      .finally(() => setBusy(false));
  };

  return { hosts, busy, status, error, onAllow };
}
