import { describe, expect, it } from 'vitest';
import type { VisitEndReason } from '../../utils/models';
import { shouldPromptAtEnd } from '../../utils/visit-end';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const minutes = (count: number) => T0 + count * 60_000;

describe('shouldPromptAtEnd', () => {
  it.each<[string, number | null, VisitEndReason | null, boolean]>([
    ['a visit still in progress', null, null, false],
    ['a 50-minute visit the clinician left', minutes(50), 'left-call', true],
    ['a 50-minute visit whose media stopped', minutes(50), 'media-stopped', true],
    ['a 50-minute visit whose tab closed', minutes(50), 'tab-closed', true],
    ['exactly two minutes, detected', minutes(2), 'left-call', true],
    ['just under two minutes, detected (a test call or wrong room)', minutes(2) - 1, 'left-call', false],
    ['a 30-second visit whose tab closed', T0 + 30_000, 'tab-closed', false],
    ['a 1-minute visit whose media stopped', minutes(1), 'media-stopped', false],
    ['a 1-minute visit the clinician ended themselves', minutes(1), 'manual', true],
    ['a zero-length visit ended manually', T0, 'manual', true],
  ])('%s → %s', (_name, endedAt, endReason, expected) => {
    expect(shouldPromptAtEnd({ startedAt: T0, endedAt, endReason })).toBe(expected);
  });
});
