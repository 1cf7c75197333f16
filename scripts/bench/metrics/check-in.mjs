// The end-of-visit check-in prompt's render time. A visit runs in the panel, brought to 3 minutes before its planned
// end (the prompt's moment is 5 minutes before, by default); the panel is collapsed to its handle, which then says the
// check-in is due. Each sample is the clinician's click on that handle, timed inside the panel frame, to the prompt's
// first control painted.
import { openCallPage, panelFrame, probeMark, sleep } from '../call-page.mjs';
import { bringVisitToMinutesLeft, startVisitInPanel } from '../panel-driver.mjs';
import { fromSamples } from './result.mjs';

export const CHECK_IN_SAMPLES = 20;
const MINUTES_LEFT = 3;

/** @type {import('./result.mjs').MetricGroup} */
export const checkInGroup = {
  id: 'checkIn',
  title: 'Check-in',
  metrics: [
    {
      id: 'checkInPromptRender',
      label: 'Check-in prompt render',
      unit: 'ms',
      stat: 'p95',
      help: 'Click on the handle that says the check-in is due, to the prompt\u2019s first control painted.',
    },
  ],
  async measure(bench) {
    const { attune } = bench.browsers;
    const { page } = await openCallPage(attune);
    try {
      // Closing the tab would end the visit; the page is reloaded instead, as a clinician might mid-call.
      await startVisitInPanel(page, 'Bench check-in');
      if ((await bringVisitToMinutesLeft(attune, MINUTES_LEFT)) !== 1) throw new Error('No single visit was running to bring to its check-in.');
      await page.reload();
      const frame = await panelFrame(page);
      await frame.locator('.checkin-prompt').waitFor();
      /** @type {number[]} */
      const renders = [];
      for (let sample = 0; sample <= CHECK_IN_SAMPLES; sample += 1) {
        await frame.getByRole('button', { name: 'Collapse Attune panel' }).click();
        const handle = frame.locator('button.handle[aria-label*="check-in"]');
        await handle.waitFor();
        // The handle reads the check-in state as it collapses; let that settle so the click is all that is timed.
        await sleep(300);
        const clickedAt = await frame.evaluate(() => {
          const probe = /** @type {Window & { __attuneBench?: { marks: Record<string, number> } }} */ (window).__attuneBench;
          if (probe === undefined) throw new Error('The bench probe is missing from the panel frame.');
          delete probe.marks.checkInPrompt;
          const button = document.querySelector('button.handle');
          if (!(button instanceof HTMLButtonElement)) throw new Error('The handle is gone.');
          const at = performance.timeOrigin + performance.now();
          button.click();
          return at;
        });
        const paintedAt = await probeMark(frame, 'checkInPrompt');
        // The first sample warms the code paths; like the other groups, it is not counted.
        if (sample > 0) renders.push(paintedAt - clickedAt);
      }
      bench.log(`check-in prompt: ${renders.length} samples`);
      return {
        checkInPromptRender: fromSamples(renders, 'p95', {
          detail: `median ${fromSamples(renders, 'median').value.toFixed(1)} ms; handle click to the prompt painted, ${MINUTES_LEFT} min before the planned end`,
        }),
      };
    } finally {
      await page.close();
    }
  },
};
