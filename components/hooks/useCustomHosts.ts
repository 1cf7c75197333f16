import { useEffect, useState } from 'preact/hooks';
import { addCustomHost, listCustomHosts, parseHostInput, removeCustomHost, requestHostAccess } from '../../utils/custom-hosts';
import { t } from '../../utils/i18n';
import { failureText, useActionOutcome, type ActionOutcomeState } from './useActionOutcome';

export interface CustomHosts extends ActionOutcomeState {
  hosts: readonly string[] | undefined;
  onAdd: (input: string) => boolean;
  onRemove: (host: string) => void;
}

/** The clinician's own video-visit sites, with add (asking the browser for the site) and remove (giving it back). */
export function useCustomHosts(): CustomHosts {
  const [hosts, setHosts] = useState<readonly string[]>();
  const { state, fail, run } = useActionOutcome();

  useEffect(() => {
    listCustomHosts().then(setHosts, (failure: unknown) => fail(failureText(failure)));
  }, []);

  /** Returns whether the input was accepted (so the form can clear it). */
  const onAdd = (input: string): boolean => {
    const parsed = parseHostInput(input, hosts ?? []);
    if (!parsed.ok) {
      fail(t(parsed.error));
      return false;
    }
    const { host } = parsed;
    // Asked before anything else is awaited: the browser shows its prompt only during the clinician's click.
    run(
      requestHostAccess(host).then(async (allowed) => {
        if (!allowed) return { error: t('customHostDenied', host) };
        setHosts(await addCustomHost(host));
        return { status: t('customHostAdded', host) };
      }),
    );
    return true;
  };

  const onRemove = (host: string) =>
    run(
      removeCustomHost(host).then((next) => {
        setHosts(next);
        return { status: t('customHostRemoved', host) };
      }),
    );

  return { hosts, ...state, onAdd, onRemove };
}
