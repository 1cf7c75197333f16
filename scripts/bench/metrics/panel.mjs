// Attune's panel on the busy call page: how soon it is ready to use when it opens expanded, and how long a note
// takes to be durably saved ("Saved" on screen) while the clinician types.
import { extensionFrame, openCallPage, pageTimes, panelFrame, probeMark, readProbe, rotated, sleep } from '../call-page.mjs';
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
    const { floor, attune } = bench.browsers;
    await rememberPanelExpanded(attune, true);
    /** @type {Record<'floor' | 'attune', number[]>} */
    const interactive = { floor: [], attune: [] };
    for (let run = 0; run <= bench.runs; run += 1) {
      for (const browser of rotated([floor, attune], run)) {
        const isAttune = browser === attune;
        const { page } = await openCallPage(browser, {
          beforeNavigate: async (cdp) => {
            if (isAttune) return;
            // Scripts added on a session take effect only with the Page domain enabled on it.
            await cdp.send('Page.enable');
            await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: frameFloorPage(`chrome-extension://${floor.extensionId}/page.html`) });
          },
        });
        const readyAt = isAttune
          ? await probeMark(await panelFrame(page), 'panelInteractive')
          : await probeMark(await extensionFrame(page, 'page.html'), 'visitRow');
        const { origin } = await pageTimes(page);
        await page.close();
        if (run > 0) interactive[isAttune ? 'attune' : 'floor'].push(readyAt - origin);
      }
    }
    bench.log(`panel interactive: ${bench.runs} runs`);

    const saves = await measureNoteSaves(attune, NOTE_SAVE_SAMPLES);
    bench.log(`note saves: ${saves.length} samples`);
    const detail = `${saves.length} saves of a ~${STARTING_NOTE.length}-character note`;
    return {
      panelInteractive: fromSamples(interactive.attune, 'p95', {
        floorSamples: interactive.floor,
        detail: `median ${fromSamples(interactive.attune, 'median').value.toFixed(0)} ms (floor ${fromSamples(interactive.floor, 'median').value.toFixed(0)} ms)`,
      }),
      noteSaveP50: fromSamples(saves, 'p50', { detail }),
      noteSaveP95: fromSamples(saves, 'p95', { detail }),
      noteSaveP99: fromSamples(saves, 'p99', { detail }),
    };
  },
};

/**
 * A script for the call page (run in its main world before its own) that frames `url` at the side when the page is
 * parsed, as Attune's script does its panel: the floor for the panel's first screen.
 * @param {string} url
 */
function frameFloorPage(url) {
  return `if (window === top) document.addEventListener('DOMContentLoaded', () => {
    const frame = document.createElement('iframe');
    frame.src = ${JSON.stringify(url)};
    frame.style.cssText = 'position:fixed;top:0;right:0;width:360px;height:100vh;border:0;z-index:2147483647';
    document.documentElement.append(frame);
  });`;
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
