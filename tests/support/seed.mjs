// A realistic visit history for Attune's database, for the benchmark and for end-to-end tests that need a clinician's
// years of records (history, review, popup).
//
//   const history = generateVisitHistory({ visits: 10_000, now: Date.now() });   // deterministic for a given seed
//   await seedVisitHistory(context, extensionId, history);                        // written inside the extension
//
// Records have exactly the shapes of utils/models.ts (tests/unit/seed.test.ts validates every one with those zod
// schemas), so a change to the models that the seed does not follow fails that test rather than a benchmark.
// The data is written by raw IndexedDB inside an extension page (the database belongs to the extension's origin, and
// Node cannot import the built repositories), into the stores the extension itself created.

const DAY_MS = 24 * 60 * 60 * 1000;
/** Session start hours a therapist's week is built from. */
const SESSION_HOURS = [8, 9, 10, 11, 13, 14, 15, 16, 17];
const PLANNED_MINUTES = [
  { minutes: 53, weight: 6 },
  { minutes: 45, weight: 3 },
  { minutes: 60, weight: 1 },
  { minutes: 30, weight: 1 },
];
const END_REASONS = [
  { reason: 'manual', weight: 16 },
  { reason: 'left-call', weight: 3 },
  { reason: 'tab-closed', weight: 1 },
];
const LETTERS = 'ABCDEFGHJKLMNPRSTVW';
const NICKNAMES = ['Blue Jay', 'River', 'Maple', 'Otter', 'Sparrow', 'Cedar', 'Comet', 'Willow', 'Fox', 'Harbor'];
const NOTE_SENTENCES = {
  S: [
    'Client reports sleep improved to about six hours most nights.',
    'Describes a difficult week at work with two conflicts with a supervisor.',
    'States the breathing exercise helped before the family visit.',
    'Reports low mood on Sunday evenings, better by midweek.',
    'Missed two days of the activity plan; identified fatigue as the barrier.',
    'Says the conversation with their partner went better than expected.',
    'Denies thoughts of self-harm; safety plan reviewed and unchanged.',
    'Noticed urge to avoid the grocery store and went anyway.',
  ],
  O: [
    'Affect congruent, brighter than last session.',
    'Engaged throughout; good eye contact on video.',
    'Speech normal rate and volume; thought process linear.',
    'Tearful when discussing the anniversary; recovered with grounding.',
    'Arrived on time; connection stable.',
  ],
  A: [
    'Progress toward goal 1 (sleep) is steady.',
    'Avoidance is decreasing with graded exposure.',
    'Alliance feels solid; client asked for more structure.',
    'Symptoms consistent with the working formulation.',
  ],
  P: [
    'Continue weekly sessions; revisit the thought record next time.',
    'Homework: two exposure steps from the hierarchy and a brief log.',
    'Check in on medication review with the prescriber.',
    'Plan to introduce values work in the next two sessions.',
  ],
};

/**
 * A small seeded random number generator (mulberry32), so every run builds the same history.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @typedef {{ id: string, alias: string, aliasKey: string, createdAt: number }} SeedClient
 * @typedef {{ id: string, clientId: string, platform: string, host: string, startedAt: number, endedAt: number,
 *   endReason: string, plannedMinutes: number }} SeedVisit
 * @typedef {{ visitId: string, text: string, updatedAt: number }} SeedNote
 * @typedef {{ answers: Record<string, number | null>, skipped: boolean }} SeedView
 * @typedef {{ id: string, visitId: string, clientId: string, instrumentId: string, instrumentVersion: string,
 *   createdAt: number, updatedAt: number, completedAt: number | null, client: SeedView, clinician: SeedView,
 *   rupture: { markers: string[], strained: string[], repair: string | null, forNextTime: string } }} SeedCheckIn
 * @typedef {{ clients: SeedClient[], visits: SeedVisit[], notes: SeedNote[], checkIns: SeedCheckIn[] }} VisitHistory
 */

/**
 * A clinician's practice over the years up to `now`: weekday sessions on the hour, a caseload of about 25 clients at a
 * time who each stay for an episode of care (4–60 visits, weekly), aliases as clinicians write them (initials,
 * nicknames), and notes of realistic lengths (most a few hundred characters, some several thousand, some visits none).
 * Visits are returned oldest first; every visit has ended before `now`.
 * @param {{ visits: number, now: number, seed?: number, caseload?: number, platform?: string, host?: string }} options
 * @returns {VisitHistory}
 */
export function generateVisitHistory({ visits: visitCount, now, seed = 1, caseload = 25, platform = 'meet', host = 'meet.google.com' }) {
  if (!Number.isInteger(visitCount) || visitCount < 0) throw new Error(`visits must be a whole number ≥ 0, got ${visitCount}.`);
  if (!Number.isFinite(now) || now < 0) throw new Error(`now must be a time in epoch milliseconds, got ${now}.`);
  const random = seededRandom(seed);
  const pick = pickerFrom(random);
  const weighted = weightedPickerFrom(random);
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(random() * 4)] ?? '8';
    const text = hex.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  };

  // Start on a Monday far enough back for every visit; the whole history is moved forward by whole weeks at the end.
  const weeks = Math.ceil(visitCount / (5 * SESSION_HOURS.length * 0.5)) + 1;
  const firstDay = new Date(now - weeks * 7 * DAY_MS);
  firstDay.setHours(0, 0, 0, 0);
  firstDay.setDate(firstDay.getDate() - ((firstDay.getDay() + 6) % 7));

  /** @type {SeedClient[]} */
  const clients = [];
  const aliasKeys = new Set();
  /** @type {{ client: SeedClient, remaining: number }[]} */
  const active = [];
  const admit = (/** @type {number} */ at) => {
    let alias = random() < 0.8 ? `${pick([...LETTERS])}.${pick([...LETTERS])}.` : pick(NICKNAMES);
    for (let suffix = 2; aliasKeys.has(alias.toLowerCase()); suffix += 1) alias = `${alias.replace(/ \d+$/, '')} ${suffix}`;
    aliasKeys.add(alias.toLowerCase());
    const client = { id: uuid(), alias, aliasKey: alias.toLowerCase(), createdAt: at };
    clients.push(client);
    active.push({ client, remaining: 4 + Math.floor(random() * random() * 57) });
  };

  /** @type {SeedVisit[]} */
  const visits = [];
  /** @type {SeedNote[]} */
  const notes = [];
  for (let day = 0; visits.length < visitCount; day += 1) {
    const date = new Date(firstDay);
    date.setDate(firstDay.getDate() + day);
    if (date.getDay() === 0 || date.getDay() === 6) continue;
    for (const hour of SESSION_HOURS) {
      if (visits.length >= visitCount || random() < 0.35) continue;
      const startedAt = new Date(date).setHours(hour, Math.floor(random() * 6), Math.floor(random() * 60), 0);
      const plannedMinutes = weighted(PLANNED_MINUTES).minutes;
      const endedAt = startedAt + (plannedMinutes - 4 + Math.floor(random() * 10)) * 60_000;
      while (active.length < caseload) admit(startedAt - DAY_MS);
      const slot = Math.floor(random() * active.length);
      const episode = active[slot];
      if (episode === undefined) continue;
      const visit = {
        id: uuid(),
        clientId: episode.client.id,
        platform,
        host,
        startedAt,
        endedAt,
        endReason: weighted(END_REASONS).reason,
        plannedMinutes,
      };
      visits.push(visit);
      if (random() < 0.88) notes.push({ visitId: visit.id, text: noteText(random, pick), updatedAt: endedAt + Math.floor(random() * 3_600_000) });
      episode.remaining -= 1;
      if (episode.remaining <= 0) active.splice(slot, 1);
    }
  }
  // Move everything forward by whole weeks (weekdays and hours stay as they were) so the newest visit ended this week.
  const lastEnd = visits.reduce((latest, visit) => Math.max(latest, visit.endedAt), firstDay.getTime());
  const shift = Math.floor((now - lastEnd - 1) / (7 * DAY_MS)) * 7 * DAY_MS;
  const shifted = visits.map((visit) => ({ ...visit, startedAt: visit.startedAt + shift, endedAt: visit.endedAt + shift }));
  return {
    clients: clients.map((client) => ({ ...client, createdAt: Math.max(0, client.createdAt + shift) })),
    visits: shifted,
    notes: notes.map((note) => ({ ...note, updatedAt: Math.min(note.updatedAt + shift, now) })),
    // A stream of its own, so adding check-ins left every visit and note above exactly as it was.
    checkIns: checkInsFor(shifted, seededRandom(seed * 7919 + 13)),
  };
}

const CHECK_IN_ITEMS = ['goals', 'approach', 'together', 'overall'];
const FOR_NEXT_TIME = ['Ask how the pace felt.', 'Revisit the homework plan together.', 'Check whether the focus still fits.'];

/**
 * One end-of-visit check-in per visit on Attune's own instrument (0–10 per item): each client has an alliance level
 * that drifts from visit to visit, the clinician rates a little higher than the client (as the literature reports),
 * some views are skipped and some items left out, a few check-ins were never finished, and some note a rupture.
 * @param {SeedVisit[]} visits oldest first
 * @param {() => number} random
 * @returns {SeedCheckIn[]}
 */
function checkInsFor(visits, random) {
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    const text = `${hex.slice(0, 12).join('')}4${hex.slice(13, 16).join('')}8${hex.slice(17).join('')}`;
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  };
  /** @type {Map<string, number>} */
  const level = new Map();
  const clamp = (/** @type {number} */ value) => Math.max(0, Math.min(10, Math.round(value)));
  return visits.map((visit) => {
    const current = Math.max(3, Math.min(9.6, (level.get(visit.clientId) ?? 7 + random() * 2) + (random() - 0.5) * 1.6));
    level.set(visit.clientId, current);
    const view = (/** @type {number} */ base, /** @type {number} */ skipChance) => ({
      answers: Object.fromEntries(CHECK_IN_ITEMS.map((item) => [item, random() < 0.03 ? null : clamp(base + (random() - 0.5) * 2.4)])),
      skipped: random() < skipChance,
    });
    const createdAt = visit.endedAt - 5 * 60_000;
    const completedAt = random() < 0.02 ? null : visit.endedAt - 60_000;
    const rupture = random() < 0.12;
    return {
      id: uuid(),
      visitId: visit.id,
      clientId: visit.clientId,
      instrumentId: 'attune-brief-check-in',
      instrumentVersion: '1',
      createdAt,
      updatedAt: completedAt ?? createdAt + 30_000,
      completedAt,
      client: view(current, 0.06),
      clinician: view(current + 0.6, 0.02),
      rupture: rupture
        ? {
            markers: [random() < 0.6 ? 'withdrawal' : 'confrontation'],
            strained: [['goal', 'task', 'bond'][Math.floor(random() * 3)] ?? 'bond'],
            repair: ['not-yet', 'addressed', 'repaired'][Math.floor(random() * 3)] ?? null,
            forNextTime: FOR_NEXT_TIME[Math.floor(random() * FOR_NEXT_TIME.length)] ?? '',
          }
        : { markers: [], strained: [], repair: null, forNextTime: '' },
    };
  });
}

/**
 * @param {() => number} random
 * @returns {<T>(list: readonly T[]) => T}
 */
function pickerFrom(random) {
  return (list) => {
    const entry = list[Math.floor(random() * list.length)];
    if (entry === undefined) throw new Error('Cannot pick from an empty list.');
    return entry;
  };
}

/**
 * @param {() => number} random
 * @returns {<T extends { weight: number }>(list: readonly T[]) => T}
 */
function weightedPickerFrom(random) {
  const pick = pickerFrom(random);
  return (list) => {
    let roll = random() * list.reduce((sum, entry) => sum + entry.weight, 0);
    return list.find((entry) => (roll -= entry.weight) < 0) ?? pick(list);
  };
}

/**
 * A progress note in the SOAP shape many clinicians use: usually 300–1,500 characters, sometimes a single line,
 * sometimes several thousand characters for an intake or a crisis session.
 * @param {() => number} random
 * @param {<T>(list: readonly T[]) => T} pick
 */
function noteText(random, pick) {
  const roll = random();
  if (roll < 0.1) return pick(NOTE_SENTENCES.S);
  const perSection = roll > 0.97 ? 12 + Math.floor(random() * 10) : 1 + Math.floor(random() * 4);
  return Object.entries(NOTE_SENTENCES)
    .map(([section, sentences]) => `${section}: ${Array.from({ length: perSection }, () => pick(sentences)).join(' ')}`)
    .join('\n');
}

/**
 * Writes a history into Attune's database. Runs INSIDE an extension page (Playwright serialises it, so it uses nothing
 * but its argument and IndexedDB). The stores must already exist — the extension creates them when one of its pages
 * first opens the database — so the seed never creates a schema of its own. One transaction: all of it or none.
 * @param {VisitHistory} history
 * @returns {Promise<{ clients: number, visits: number, notes: number, checkIns: number }>}
 */
export async function writeVisitHistory(history) {
  const absent = `Attune's database does not exist yet; open an Attune page first so it creates its stores.`;
  /** @type {IDBDatabase} */
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('attune');
    // An upgrade here means there was no database: abort it, so no empty database is left for Attune to trip over.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error?.name === 'AbortError' ? new Error(absent) : request.error);
  });
  try {
    const missing = ['clients', 'visits', 'notes', 'checkIns'].filter((store) => !db.objectStoreNames.contains(store));
    if (missing.length > 0) throw new Error(`Attune's database has no ${missing.join(', ')} store.`);
    const tx = db.transaction(['clients', 'visits', 'notes', 'checkIns'], 'readwrite');
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('The seeding transaction was aborted.'));
    });
    for (const client of history.clients) tx.objectStore('clients').put(client);
    for (const visit of history.visits) tx.objectStore('visits').put(visit);
    for (const note of history.notes) tx.objectStore('notes').put(note);
    for (const checkIn of history.checkIns) tx.objectStore('checkIns').put(checkIn);
    await done;
    return { clients: history.clients.length, visits: history.visits.length, notes: history.notes.length, checkIns: history.checkIns.length };
  } finally {
    db.close();
  }
}

/**
 * Seeds a history into the Attune extension loaded in `context`: opens Attune's popup (which creates the database at
 * the extension's own schema version), writes the records there, and closes the page.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} extensionId
 * @param {VisitHistory} history
 */
export async function seedVisitHistory(context, extensionId, history) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    // The popup has opened the database once it shows a list or says there are no visits.
    await page.locator('.visit-list, .empty').first().waitFor();
    return await page.evaluate(writeVisitHistory, history);
  } finally {
    await page.close();
  }
}
