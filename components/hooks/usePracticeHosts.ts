import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser';
import { addCustomHost, listCustomHosts, originPatternFor, requestHostAccess } from '../../utils/custom-hosts';
import { t } from '../../utils/i18n';
import { failureText, useActionOutcome, type ActionOutcomeState } from './useActionOutcome';

export interface PracticeHost {
  host: string;
  /** Attune may run there: the clinician allowed it and it is watched. */
  allowed: boolean;
}

export interface PracticeHosts extends ActionOutcomeState {
  hosts: readonly PracticeHost[] | undefined;
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
  const { state, fail, run } = useActionOutcome();
  const listed = practiceHosts.join(' ');

  useEffect(() => {
    statusOf(practiceHosts).then(setHosts, (failure: unknown) => fail(failureText(failure)));
  }, [listed]);

  const onAllow = (host: string) =>
    // Asked before anything else is awaited: the browser shows its prompt only during the clinician's click.
    run(
      requestHostAccess(host).then(async (allowed) => {
        if (!allowed) return { error: t('customHostDenied', host) };
        await addCustomHost(host);
        setHosts(await statusOf(practiceHosts));
        return { status: t('practiceHostAllowed', host) };
      }),
    );

  return { hosts, ...state, onAllow };
}
