// Attune's panel on the busy call page: how soon it is ready to use when it opens expanded, and how long a note
// takes to be durably saved ("Saved" on screen) while the clinician types.
import { openCallPage, openFramedFloor, pageTimes, panelFrame, probeMark, readProbe, rotated, sleep } from '../call-page.mjs';
import { rememberPanelExpanded, startVisitInPanel } from '../panel-driver.mjs';
import { fromSamples } from './result.mjs';

export const NOTE_SAVE_SAMPLES = 50;
/** Between the floor's writes: Attune's saves are apart by the typing pause, so the disk is not kept busy either. */
const FLOOR_SAVE_PAUSE_MS = 200;
/** A progress note of typical length already in the editor, so each save writes a realistic record. */
const STARTING_NOTE = 'S: Client reports sleep improved to about six hours most nights. '.repeat(12);

/** @type {import('./result.mjs').MetricGroup} */
export const panelGroup = {
  id: 'panel',
  title: 'Panel',
  metrics: [
    {
      id: 'panelInteractive',
      label: 'Panel interactive after navigation',
      unit: 'ms',
      stat: 'p95',
      budget: 300,
      help:
        'Panel remembered open: navigation start to its first control (client alias or note) painted. Floor: the no-op ' +
        'extension\'s page, framed on the call page at DOMContentLoaded, to its one row painted.',
    },
    {
      id: 'noteSaveP50',
      label: 'Note save to "Saved" (p50)',
      unit: 'ms',
      stat: 'p50',
      decimals: 1,
      help:
        'From the status turning to "Saving…" (the write starts after the typing pause) to "Saved"; strict durability. ' +
        'Floor: the same record put into IndexedDB with strict durability from the no-op extension\'s framed page.',
    },
    {
      id: 'noteSaveP95',
      label: 'Note save to "Saved" (p95)',
      unit: 'ms',
      stat: 'p95',
      budget: 20,
      decimals: 1,
      help: 'As above.',
    },
    { id: 'noteSaveP99', label: 'Note save to "Saved" (p99)', unit: 'ms', stat: 'p99', decimals: 1, help: 'As above.' },
  ],
  async measure(bench) {
    const { floor, attune } = bench.browsers;
    await rememberPanelExpanded(attune, true);
    // The load group takes the floor in its runs; a partial run without it takes the floor here, in turn with Attune.
    const shared = /** @type {{ fromNavigation: number[] } | undefined} */ (bench.shared.framedFloor);
    /** @type {Record<'floor' | 'attune', number[]>} */
    const interactive = { floor: [], attune: [] };
    for (let run = 0; run <= bench.runs; run += 1) {
      for (const browser of rotated(shared === undefined ? [floor, attune] : [attune], run)) {
        if (browser === floor) {
          const framed = await openFramedFloor(floor);
          await framed.page.close();
          if (run > 0) interactive.floor.push(framed.fromNavigation);
          continue;
        }
        const { page } = await openCallPage(attune);
        const readyAt = await probeMark(await panelFrame(page), 'panelInteractive');
        const { origin } = await pageTimes(page);
        await page.close();
        if (run > 0) interactive.attune.push(readyAt - origin);
      }
    }
    if (shared !== undefined) interactive.floor = shared.fromNavigation;
    bench.log(`panel interactive: ${bench.runs} runs`);

    const saves = await measureNoteSaves(attune, NOTE_SAVE_SAMPLES);
    const floorSaves = await measureFloorSaves(floor, NOTE_SAVE_SAMPLES);
    bench.log(`note saves: ${saves.length} samples, and ${floorSaves.length} bare durable writes (floor)`);
    const detail = `${saves.length} saves of a ~${STARTING_NOTE.length}-character note; floor: the same record put with strict durability, nothing else`;
    return {
      panelInteractive: fromSamples(interactive.attune, 'p95', {
        floorSamples: interactive.floor,
        detail: `median ${fromSamples(interactive.attune, 'median').value.toFixed(0)} ms (floor ${fromSamples(interactive.floor, 'median').value.toFixed(0)} ms)`,
      }),
      noteSaveP50: fromSamples(saves, 'p50', { floorSamples: floorSaves, detail }),
      noteSaveP95: fromSamples(saves, 'p95', { floorSamples: floorSaves, detail }),
      noteSaveP99: fromSamples(saves, 'p99', { floorSamples: floorSaves, detail }),
    };
  },
};

/**
 * The floor for a note save: the same note put into IndexedDB with strict durability, in a transaction of its own, from
 * the no-op extension's page framed on the busy call page (its own origin, as Attune's panel is), `count` times, each
 * timed from the transaction's start to its completion. No validation, no lock check, no state shown.
 * @param {import('../browsers.mjs').BenchBrowser} floor
 * @param {number} count
 */
async function measureFloorSaves(floor, count) {
  const { page, frame } = await openFramedFloor(floor);
  try {
    return await frame.evaluate(
      async ({ count, text, pauseMs }) => {
        /** @type {IDBDatabase} */
        const db = await new Promise((resolve, reject) => {
          const request = indexedDB.open('bench-floor', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('notes', { keyPath: 'visitId' });
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        /** @type {number[]} */
        const latencies = [];
        for (let sample = 0; sample < count; sample += 1) {
          const startedAt = performance.now();
          await new Promise((resolve, reject) => {
            const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
            tx.objectStore('notes').put({ visitId: 'bench', text: `${text}${'e'.repeat(sample)}`, updatedAt: Date.now() });
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
          latencies.push(performance.now() - startedAt);
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
        db.close();
        return latencies;
      },
      { count, text: STARTING_NOTE, pauseMs: FLOOR_SAVE_PAUSE_MS },
    );
  } finally {
    await page.close();
  }
}

/**
 * Types one character at a time into the real note editor and times each autosave from "Saving…" to "Saved".
 * @param {import('../browsers.mjs').BenchBrowser} attune
 * @param {number} count
 */
async function measureNoteSaves(attune, count) {
  const { page } = await openCallPage(attune);
  try {
    const frame = await startVisitInPanel(page, 'Bench');
    const notes = frame.locator('#visit-notes');
    await notes.fill(STARTING_NOTE);
    await frame.locator('[data-save-state="saved"]').waitFor();
    /** @type {number[]} */
    const latencies = [];
    for (let sample = 0; sample < count; sample += 1) {
      await frame.evaluate(() => {
        /** @type {Window & { __attuneBench?: { saves: unknown[] } }} */ (window).__attuneBench?.saves.splice(0);
      });
      await notes.press(sample % 6 === 5 ? 'Space' : 'KeyE');
      const handle = await frame.waitForFunction(() => {
        const saves = /** @type {Window & { __attuneBench?: { saves: { state: string, at: number }[] } }} */ (window).__attuneBench?.saves ?? [];
        const saving = saves.find((entry) => entry.state === 'saving');
        const saved = saves.find((entry) => entry.state === 'saved');
        return saving !== undefined && saved !== undefined && saved.at >= saving.at ? saved.at - saving.at : false;
      });
      latencies.push(/** @type {number} */ (await handle.jsonValue()));
      await sleep(50);
    }
    const failed = (await readProbe(frame)).saves.filter((entry) => entry.state === 'failed');
    if (failed.length > 0) throw new Error('A note save failed during the bench.');
    return latencies;
  } finally {
    await page.close();
  }
}
