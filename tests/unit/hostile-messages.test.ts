/**
 * The message protocol against generated hostile input (utils/messages.ts through the background router): every bad
 * message and every forged sender is refused with an error naming the fault, nothing throws, and neither the database
 * nor extension storage changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundMessage } from '../../utils/background-router';
import { browser, type Runtime, type Tabs } from '../../utils/browser';
import { findOrCreateClient } from '../../utils/db/clients';
import { saveNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { startVisit } from '../../utils/db/visits';
import { bindVisitToTab } from '../../utils/tab-visits';
import { HostileSource, pathLabel, pathsOf, REMOVE, withChange, type Path } from './hostile-inputs';

const CASES = 1_500;
/** Thousands of cases take seconds; on a loaded machine, many. */
const GENERATED_CASES_TIMEOUT_MS = 120_000;
const TAB = 12;
const VISIT_ID = '6f1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e02';
const MESSAGE_TYPES = ['visit.bind', 'visit.current', 'visit.release', 'call.state', 'call.signals'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VALID_MESSAGES: readonly object[] = [
  { type: 'visit.bind', visitId: VISIT_ID },
  { type: 'visit.current' },
  { type: 'visit.release', visitId: VISIT_ID },
  { type: 'call.state' },
  { type: 'call.signals', signals: { meetingPage: true, dom: 'call', media: 'remote', pageGone: false } },
];

/** Written independently of the zod schemas: values a field could legitimately hold, which a mutation must not produce. */
const ACCEPTED: Record<string, (value: unknown) => boolean> = {
  type: (value) => typeof value === 'string' && MESSAGE_TYPES.includes(value),
  visitId: (value) => typeof value === 'string' && UUID.test(value),
  'signals.meetingPage': (value) => typeof value === 'boolean' || value === null,
  'signals.dom': (value) => typeof value === 'string' && ['none', 'lobby', 'call', 'left'].includes(value),
  'signals.media': (value) => typeof value === 'string' && ['none', 'local', 'remote'].includes(value),
  'signals.pageGone': (value) => typeof value === 'boolean',
};

const tab = (id: number): Tabs.Tab => ({ id, index: 0, highlighted: false, active: true, pinned: false, incognito: false });
const senders = {
  panel: (): Runtime.MessageSender => ({ id: browser.runtime.id, url: `${browser.runtime.getURL('/panel.html')}?platform=meet`, tab: tab(TAB) }),
  contentScript: (): Runtime.MessageSender => ({ id: browser.runtime.id, url: 'https://meet.google.com/abc-defg-hij', tab: tab(TAB) }),
  otherExtension: (): Runtime.MessageSender => ({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html', tab: tab(TAB) }),
};

interface BadMessage {
  message: unknown;
  /** What the error must name. */
  fault: RegExp;
}

/** One invalid message: a field replaced by a value it can never hold, a required field removed, or no message at all. */
function badMessage(source: HostileSource): BadMessage {
  if (source.random() < 0.15) {
    const message = source.value();
    const isObject = typeof message === 'object' && message !== null && !Array.isArray(message);
    return { message, fault: isObject ? /\btype: / : /\(value\): / };
  }
  const base = source.pick(VALID_MESSAGES);
  const path: Path = source.pick(pathsOf(base));
  const label = pathLabel(path);
  if (source.random() < 0.2) return { message: withChange(base, path, REMOVE), fault: new RegExp(`\\b${escape(label)}[.:]`) };
  for (;;) {
    const replacement = source.value();
    if (ACCEPTED[label]?.(replacement) === true) continue;
    return { message: withChange(base, path, replacement), fault: new RegExp(`\\b${escape(label)}[.:]`) };
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function snapshot(): Promise<unknown> {
  const db = await openAttuneDb();
  const stores = await Promise.all([...db.objectStoreNames].map(async (store) => [store, await db.getAll(store)]));
  return { stores, session: await fakeBrowser.storage.session.get(null), local: await fakeBrowser.storage.local.get(null) };
}

beforeEach(async () => {
  const client = await findOrCreateClient('J.D.', 1_000);
  const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, 2_000);
  await saveNote(visit.id, 'Talked about sleep.', 3_000);
  await bindVisitToTab(TAB, visit.id);
});

describe('hostile messages to the background', () => {
  it(`refuses ${CASES} generated malformed messages, naming the field at fault, and changes nothing`, async () => {
    const before = await snapshot();
    const source = new HostileSource(0x5afe);
    for (let index = 0; index < CASES; index += 1) {
      const { message, fault } = badMessage(source);
      const sender = source.pick([senders.panel, senders.contentScript])();
      const reply = await handleBackgroundMessage(message, sender);
      expect(reply.ok, `case ${index}`).toBe(false);
      if (reply.ok) continue;
      expect(reply.error, `case ${index}`).toMatch(/^Refused: not an Attune message \(/);
      expect(reply.error, `case ${index}`).toMatch(fault);
    }
    expect(await snapshot()).toEqual(before);
  }, GENERATED_CASES_TIMEOUT_MS);

  it(`refuses ${CASES} generated well-formed messages from senders that may not send them, and changes nothing`, async () => {
    const before = await snapshot();
    const source = new HostileSource(0xf0e);
    const forged: [() => Runtime.MessageSender, object, RegExp][] = [
      [senders.otherExtension, source.pick(VALID_MESSAGES), /another extension/],
      [senders.contentScript, { type: 'visit.current' }, /returns clinical data/],
      [senders.contentScript, { type: 'visit.bind', visitId: crypto.randomUUID() }, /only the Attune panel can bind/],
      [senders.panel, VALID_MESSAGES[4] ?? {}, /only Attune’s watcher/],
    ];
    for (let index = 0; index < CASES; index += 1) {
      const [sender, message, reason] = source.pick(forged);
      const from = sender();
      // A forged sender varies what it can: which tab, which page, whether it claims a url at all.
      if (source.random() < 0.5) from.tab = tab(source.int(1000));
      if (source.random() < 0.2 && from.url?.startsWith('https://') === true) from.url = `https://${source.pick(['zoom.us', 'evil.example', 'meet.google.com'])}/`;
      const reply = await handleBackgroundMessage(structuredClone(message), from);
      expect(reply, `case ${index}`).toEqual({ ok: false, error: expect.stringMatching(reason) });
    }
    expect(await snapshot()).toEqual(before);
  }, GENERATED_CASES_TIMEOUT_MS);
});
