/**
 * The practice's policy, copied by the background into session storage for Attune's pages.
 *
 * A context's first `storage.managed` read can take seconds (1–3.5 s measured, more on a busy machine), and the panel
 * reads the settings, and so the policy, before it can start a visit: the clinician's "Start visit" waited on it. The
 * background reads the policy store once when it starts, and again whenever the policy changes, and keeps a copy in
 * `storage.session` (which content scripts cannot read; utils/lock/session-access.ts). Pages read the copy, and fall
 * back to the policy store itself until the copy exists. The copy holds exactly what the policy store returned; it is
 * validated where it is read, as the policy always was (utils/settings.ts).
 */
import { browser } from './browser';

export const POLICY_COPY_KEY = 'practicePolicy';

type Area = typeof browser.storage.local;

// A browser without a policy store (or an extension without a managed schema) has no `storage.managed` at all.
const managedArea = () => browser.storage.managed as Area | undefined;

/** What the browser's policy store holds for `keys`, or nothing: a browser without one, or one that throws, means none. */
export async function readManaged(keys: readonly string[]): Promise<Record<string, unknown>> {
  try {
    return (await managedArea()?.get([...keys])) ?? {};
  } catch {
    return {};
  }
}

// Set in the background, which keeps the copy: it reads the policy store itself, so that its own listeners for policy
// changes never read a copy not yet brought up to date.
let keepsCopy = false;

/** The policy for `keys`: the background's copy when there is one, else the policy store itself. */
export async function readPolicyFor(keys: readonly string[]): Promise<Record<string, unknown>> {
  if (keepsCopy) return readManaged(keys);
  const copy: unknown = (await browser.storage.session.get(POLICY_COPY_KEY))[POLICY_COPY_KEY];
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) return readManaged(keys);
  const policy = copy as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key in policy).map((key) => [key, policy[key]]));
}

/** Whether a storage change touched the practice's policy for `keys`: the policy store itself, or the copy of it. */
export function changedPolicy(changes: Record<string, unknown>, area: string, keys: readonly string[]): boolean {
  if (area === 'managed') return keys.some((key) => key in changes);
  return area === 'session' && POLICY_COPY_KEY in changes;
}

/** Background: keeps the copy in step with the policy store, from start-up on. `keys` are every key Attune reads. */
export function keepPolicyCopy(keys: readonly string[]): void {
  keepsCopy = true;
  const copy = () =>
    void readManaged(keys)
      .then((policy) => browser.storage.session.set({ [POLICY_COPY_KEY]: policy }))
      .catch((error: unknown) => console.error('Attune could not copy the practice policy for its pages.', error));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') copy();
  });
  copy();
}
