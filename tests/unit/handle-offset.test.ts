import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDLE_OFFSET, handleOffset, movedHandleOffset, PANEL_HANDLE_OFFSET_KEY } from '../../utils/panel-layout';
import { visitClock } from '../../utils/visit-timer';

describe('handle position along the edge', () => {
  it.each([
    [undefined, DEFAULT_HANDLE_OFFSET],
    [0, 0],
    [0.25, 0.25],
    [1, 1],
    [1.5, DEFAULT_HANDLE_OFFSET],
    [-0.1, DEFAULT_HANDLE_OFFSET],
    ['0.2', DEFAULT_HANDLE_OFFSET],
    [Number.NaN, DEFAULT_HANDLE_OFFSET],
  ])('stored %s reads as %s', (stored, expected) => {
    expect(handleOffset({ [PANEL_HANDLE_OFFSET_KEY]: stored })).toBe(expected);
  });

  it.each([
    [0.5, -0.05, 0.45],
    [0.02, -0.05, 0],
    [0.98, 0.05, 1],
    [0.1, 0.0333333, 0.133],
  ])('from %s moving by %s lands at %s', (from, by, expected) => {
    expect(movedHandleOffset(from, by)).toBe(expected);
  });
});

describe('visit clock', () => {
  const T0 = 1_000_000;
  const MIN = 60_000;
  it.each([
    [0, { elapsedMs: 0, remainingMs: 45 * MIN, overMs: 0, progress: 0 }],
    [15 * MIN, { elapsedMs: 15 * MIN, remainingMs: 30 * MIN, overMs: 0, progress: 1 / 3 }],
    [45 * MIN, { elapsedMs: 45 * MIN, remainingMs: 0, overMs: 0, progress: 1 }],
    [50 * MIN, { elapsedMs: 50 * MIN, remainingMs: 0, overMs: 5 * MIN, progress: 1 }],
    // A clock that went backwards never shows negative time.
    [-MIN, { elapsedMs: 0, remainingMs: 45 * MIN, overMs: 0, progress: 0 }],
  ])('%i ms after the start of a 45-minute visit', (offset, expected) => {
    expect(visitClock(T0, 45, T0 + offset)).toEqual(expected);
  });
});
