/**
 * The practice's policy, copied by the background into session storage for Attune's pages.
 *
 * A context's first `storage.managed` read can take seconds (1–3.5 s measured, more on a busy machine), and the panel
 * reads the settings, and so the policy, before it can start a visit: the clinician's "Start visit" waited on it. The
 * background reads the policy store once when it starts, and again whenever the policy changes, and keeps a copy in
 * `storage.session` (which content scripts cannot read; utils/lock/session-access.ts). Pages read the copy, and fall
 * back to the policy store itself until the copy exists. The copy holds exactly what the policy store returned; it is
 * validated where it is read, as the policy always was (utils/settings.ts).
 *
 * Sometimes the policy store never answers at all (in 10 of 53 fresh Chromium profiles here, and reported for Edge: the
 * read stays pending for good). Nothing waits on it for longer than `POLICY_STORE_PATIENCE_MS`: after
 * that, Attune goes on with the policy the store last gave (kept in extension storage; nothing before the first
 * answer), and takes the store's answer whenever it does come.
 */
import { browser } from './browser';
import { isPolicy, LAST_POLICY_KEY, lastPolicy } from './platform-switch';

export const POLICY_COPY_KEY = 'practicePolicy';
/** How long Attune waits for the browser's policy store before going on with the policy it last gave. */
export const POLICY_STORE_PATIENCE_MS = 8_000;

type Area = typeof browser.storage.local;
type Policy = Record<string, unknown>;

const pick = (policy: Policy, keys: readonly string[]): Policy =>
  Object.fromEntries(keys.filter((key) => key in policy).map((key) => [key, policy[key]]));

// A browser without a policy store (or an extension without a managed schema) has no `storage.managed` at all.
const managedArea = () => browser.storage.managed as Area | undefined;

/** Everything the browser's policy store holds, or nothing: a browser without one, or one that throws, means none. */
async function readManaged(): Promise<Policy> {
  try {
    return (await managedArea()?.get(null)) ?? {};
  } catch {
    return {};
  }
}

interface Asked {
  answer: Promise<Policy>;
  deadline: number;
}
// One question to the policy store at a time in each context: a store that stays silent is not asked again and again,
// and every reader stops waiting at the same deadline.
let asked: Asked | undefined;

function askPolicyStore(again = false): Asked {
  if (asked === undefined || again) {
    const question: Asked = { answer: readManaged(), deadline: Date.now() + POLICY_STORE_PATIENCE_MS };
    asked = question;
    void question.answer.then(() => {
      if (asked === question) asked = undefined;
    });
  }
  return asked;
}

/** The store's answer, or undefined when it has not come by the question's deadline. */
async function answerInTime({ answer, deadline }: Asked): Promise<Policy | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function lastKnownPolicy(): Promise<Policy> {
  return lastPolicy(await browser.storage.local.get(LAST_POLICY_KEY));
}

/** What the policy store holds for `keys`; if it has not answered in time, what it last gave. */
async function readPolicyStore(keys: readonly string[]): Promise<Policy> {
  return pick((await answerInTime(askPolicyStore())) ?? (await lastKnownPolicy()), keys);
}

// Set in the background, which keeps the copy: it reads the policy store itself, so that its own listeners for policy
// changes never read a copy not yet brought up to date.
let keepsCopy = false;

/** The policy for `keys`: the background's copy when there is one, else the policy store itself. */
export async function readPolicyFor(keys: readonly string[]): Promise<Policy> {
  if (keepsCopy) return readPolicyStore(keys);
  const copy: unknown = (await browser.storage.session.get(POLICY_COPY_KEY))[POLICY_COPY_KEY];
  return isPolicy(copy) ? pick(copy, keys) : readPolicyStore(keys);
}

/** Whether a storage change touched the practice's policy for `keys`: the policy store itself, or the copy of it. */
export function changedPolicy(changes: Record<string, unknown>, area: string, keys: readonly string[]): boolean {
  if (area === 'managed') return keys.some((key) => key in changes);
  return area === 'session' && POLICY_COPY_KEY in changes;
}

/** Background: keeps the copy in step with the policy store, from start-up on. `keys` are every key Attune reads. */
export function keepPolicyCopy(keys: readonly string[]): void {
  keepsCopy = true;
  let latest: Asked | undefined;
  const failed = (error: unknown) => console.error('Attune could not copy the practice policy for its pages.', error);
  const copy = (again: boolean) => {
    const question = askPolicyStore(again);
    latest = question;
    let answered = false;
    void question.answer
      .then(async (answer) => {
        answered = true;
        if (latest !== question) return;
        const policy = pick(answer, keys);
        await browser.storage.session.set({ [POLICY_COPY_KEY]: policy });
        if (JSON.stringify(await lastKnownPolicy()) !== JSON.stringify(policy)) await browser.storage.local.set({ [LAST_POLICY_KEY]: policy });
      })
      .catch(failed);
    // A store that is slow or silent: until it answers, pages go on with the policy it last gave.
    void answerInTime(question)
      .then(async (inTime) => {
        if (inTime !== undefined || answered) return;
        const last = pick(await lastKnownPolicy(), keys);
        if (!answered && latest === question) await browser.storage.session.set({ [POLICY_COPY_KEY]: last });
      })
      .catch(failed);
  };
  // The call-page script once kept a copy of its own of the practice's platform list; it now decides from this one.
  void browser.storage.local
    .remove('practice.platforms.disabled')
    .catch((error: unknown) => console.error('Attune could not remove the call page’s retired copy of the practice policy.', error));
  // A change means the store is answering again: it is asked afresh rather than through a question still pending.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') copy(true);
  });
  copy(false);
}
