// The end-of-visit check-in prompt's render time. The check-in is not part of Attune yet (issue #5); until it is,
// this metric is reported as not measured. When it lands, drive it here: start a visit in the panel, bring the visit
// to its check-in moment, and time from that trigger to the prompt's first control painted (add its selector to
// the probe's `firsts` in probe.mjs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../../../tests/support/launch.mjs';
import { notMeasured } from './result.mjs';

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
      help: 'Trigger to the prompt\u2019s first control painted.',
    },
  ],
  async measure() {
    const messages = JSON.parse(await readFile(join(CHROME_BUILD_DIR, '_locales/en/messages.json'), 'utf8'));
    const inBuild = Object.keys(messages).some((key) => /^checkIn/i.test(key));
    return {
      checkInPromptRender: notMeasured(
        inBuild
          ? 'the check-in is in this build but the bench has no driver for it yet (scripts/bench/metrics/check-in.mjs)'
          : 'the end-of-visit check-in (#5) is not in this build',
      ),
    };
  },
};
