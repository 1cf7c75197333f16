// Attune's panel on the busy call page: how soon it is ready to use when it opens expanded, and how long a note
// takes to be durably saved ("Saved" on screen) while the clinician types.
import { openCallPage, pageTimes, panelFrame, probeMark, readProbe, sleep } from '../call-page.mjs';
import { rememberPanelExpanded, startVisitInPanel } from '../panel-driver.mjs';
import { fromSamples } from './result.mjs';

export const NOTE_SAVE_SAMPLES = 50;
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
      help: 'Panel remembered open: navigation start to its first control (client alias or note) painted.',
    },
    {
      id: 'noteSaveP50',
      label: 'Note save to "Saved" (p50)',
      unit: 'ms',
      stat: 'p50',
      decimals: 1,
      help: 'From the status turning to "Saving…" (the write starts after the typing pause) to "Saved"; strict durability.',
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
    const { attune } = bench.browsers;
    await rememberPanelExpanded(attune, true);
    /** @type {number[]} */
    const interactive = [];
    for (let run = 0; run <= bench.runs; run += 1) {
      const { page } = await openCallPage(attune);
      const readyAt = await probeMark(await panelFrame(page), 'panelInteractive');
      const { origin } = await pageTimes(page);
      await page.close();
      if (run > 0) interactive.push(readyAt - origin);
    }
    bench.log(`panel interactive: ${bench.runs} runs`);

    const saves = await measureNoteSaves(attune, NOTE_SAVE_SAMPLES);
    bench.log(`note saves: ${saves.length} samples`);
    const detail = `${saves.length} saves of a ~${STARTING_NOTE.length}-character note`;
    return {
      panelInteractive: fromSamples(interactive, 'p95', { detail: `median ${fromSamples(interactive, 'median').value.toFixed(0)} ms` }),
      noteSaveP50: fromSamples(saves, 'p50', { detail }),
      noteSaveP95: fromSamples(saves, 'p95', { detail }),
      noteSaveP99: fromSamples(saves, 'p99', { detail }),
    };
  },
};

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
