// The registry: every metric group the bench runs, in order. Adding a metric is adding it to a group (or a new group
// file here); the report, the budgets and the JSON follow from the definitions.
//
// Order matters where groups change Attune's state: load and trace measure the panel collapsed (the default);
// `panel` remembers it open, which `inCall` and `inCallTrace` then use with a visit running.
import { bundleGroup } from './bundle.mjs';
import { checkInGroup } from './check-in.mjs';
import { inCallGroup } from './in-call.mjs';
import { inCallTraceGroup } from './in-call-trace.mjs';
import { loadGroup } from './load.mjs';
import { panelGroup } from './panel.mjs';
import { popupGroup } from './popup.mjs';
import { traceGroup } from './trace.mjs';

/** @type {import('./result.mjs').MetricGroup[]} */
export const METRIC_GROUPS = [bundleGroup, traceGroup, loadGroup, panelGroup, inCallGroup, inCallTraceGroup, popupGroup, checkInGroup];
