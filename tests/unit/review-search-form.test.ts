import { describe, expect, it } from 'vitest';
import { searchFromForm, startOfDay } from '../../utils/review/search-form';

describe('visit search form', () => {
  it.each([
    ['2026-03-01', new Date(2026, 2, 1).getTime()],
    ['2024-02-29', new Date(2024, 1, 29).getTime()],
    ['2025-02-29', undefined],
    ['2026-13-01', undefined],
    ['01/03/2026', undefined],
    ['', undefined],
  ])('reads the day %j as local midnight (%s)', (text, expected) => {
    expect(startOfDay(text)).toBe(expected);
  });

  it('includes the whole "to" day and trims the alias', () => {
    expect(searchFromForm({ alias: '  jd ', from: '2026-03-01', to: '2026-03-31' })).toEqual({
      search: { alias: 'jd', from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 3, 1).getTime() },
    });
    expect(searchFromForm({ alias: '', from: '', to: '' })).toEqual({ search: { alias: '', from: null, to: null } });
    expect(searchFromForm({ alias: '', from: '2026-12-31', to: '2026-12-31' })).toEqual({
      search: { alias: '', from: new Date(2026, 11, 31).getTime(), to: new Date(2027, 0, 1).getTime() },
    });
  });

  it.each([
    [{ alias: '', from: '2026-04-02', to: '2026-04-01' }, 'reviewSearchRangeBackwards'],
    [{ alias: '', from: '2026-02-30', to: '' }, 'reviewSearchFromInvalid'],
    [{ alias: '', from: '', to: 'soon' }, 'reviewSearchToInvalid'],
    [{ alias: 'x'.repeat(41), from: '', to: '' }, 'reviewSearchAliasTooLong'],
  ])('names the fault in %o', (values, error) => {
    expect(searchFromForm(values)).toEqual({ error });
  });
});
