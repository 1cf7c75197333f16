/** Shared test data for the check-in tests. */
import { parseInstrumentDefinition, type Instrument } from '../../utils/checkin/instrument';
import type { CheckIn, ViewAnswers } from '../../utils/checkin/record';
import { emptyRupture } from '../../utils/checkin/record';

/** A practice's own definition, as it might load a measure it holds a licence for (wording invented for the test). */
export function practiceInstrument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'practice-measure',
    version: '2',
    title: { text: 'Practice measure' },
    notice: { text: 'Licensed to the practice.' },
    scale: { min: 1, max: 7 },
    anchors: { low: { text: 'Never' }, high: { text: 'Always' } },
    items: [
      { id: 'aims', part: 'goal', text: { text: 'Aims item' } },
      { id: 'work', part: 'task', text: { text: 'Work item' } },
      { id: 'trust', part: 'bond', text: { text: 'Trust item' }, anchors: { low: { text: 'Not at all' }, high: { text: 'Very much' } } },
    ],
    scoring: { method: 'sum' },
    rules: { totalBelow: 15, itemBelow: 4, dropOf: 3, viewGapOf: 4 },
    ...overrides,
  };
}

/** The practice definition above, parsed: a 1–7 scale with three items (total 3–21). */
export const CUSTOM: Instrument = parseInstrumentDefinition(practiceInstrument());

export function view(answers: Record<string, number | null>, skipped = false): ViewAnswers {
  return { answers, skipped };
}

export const CLIENT_ID = '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export function checkInRecord(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: crypto.randomUUID(),
    visitId: crypto.randomUUID(),
    clientId: CLIENT_ID,
    instrumentId: 'attune-brief-check-in',
    instrumentVersion: '1',
    createdAt: 1_000,
    updatedAt: 1_000,
    completedAt: null,
    client: view({}),
    clinician: view({}),
    rupture: emptyRupture(),
    ...overrides,
  };
}
