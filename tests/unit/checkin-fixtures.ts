/** Shared test data for the check-in tests. */
import { parseInstrumentDefinition, type Instrument } from '../../utils/checkin/instrument';
import type { CheckIn, ViewAnswers } from '../../utils/checkin/record';
import { emptyRupture } from '../../utils/checkin/record';
import { practiceInstrument } from '../fixtures/practice-instrument';

export { practiceInstrument };

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
