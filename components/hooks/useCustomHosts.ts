import { useEffect, useState } from 'preact/hooks';
import { addCustomHost, listCustomHosts, parseHostInput, removeCustomHost, requestHostAccess } from '../../utils/custom-hosts';
import { t } from '../../utils/i18n';

export interface CustomHosts {
  hosts: readonly string[] | undefined;
  busy: boolean;
  /** What the last action did, for a polite announcement. */
  status: string;
  /** Why the last action changed nothing. */
  error: string | undefined;
  onAdd: (input: string) => boolean;
  onRemove: (host: string) => void;
}

const failureText = (failure: unknown) => t('genericError', failure instanceof Error ? failure.message : String(failure));

/** The clinician's own video-visit sites, with add (asking the browser for the site) and remove (giving it back). */
export function useCustomHosts(): CustomHosts {
  const [hosts, setHosts] = useState<readonly string[]>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    listCustomHosts().then(setHosts, (failure: unknown) => setError(failureText(failure)));
  }, []);

  const settle = (work: Promise<void>) => {
    setBusy(true);
    work.catch((failure: unknown) => setError(failureText(failure))).finally(() => setBusy(false));
  };

  /** Returns whether the input was accepted (so the form can clear it). */
  const onAdd = (input: string): boolean => {
    setStatus('');
    const parsed = parseHostInput(input, hosts ?? []);
    if (!parsed.ok) {
      setError(t(parsed.error));
      return false;
    }
    setError(undefined);
    const { host } = parsed;
    // Asked before anything else is awaited: the browser shows its prompt only during the clinician's click.
    const granted = requestHostAccess(host);
    settle(
      granted.then(async (allowed) => {
        if (!allowed) return setError(t('customHostDenied', host));
        setHosts(await addCustomHost(host));
        setStatus(t('customHostAdded', host));
      }),
    );
    return true;
  };

  const onRemove = (host: string) => {
    setStatus('');
    setError(undefined);
    settle(
      removeCustomHost(host).then((next) => {
        setHosts(next);
        setStatus(t('customHostRemoved', host));
      }),
    );
  };

  return { hosts, busy, status, error, onAdd, onRemove };
}
