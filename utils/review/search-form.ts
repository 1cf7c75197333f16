/** The visit search as the clinician fills it in (alias start, from and to dates), checked and turned into a query. */
import type { VisitSearch } from '../db/review';
import type { MessageKey } from '../i18n';
import { ALIAS_MAX_LENGTH } from '../models';

export interface SearchFormValues {
  alias: string;
  /** `YYYY-MM-DD` from a date input, or empty. */
  from: string;
  to: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Local midnight at the start of a `YYYY-MM-DD` day, or undefined when the text is not a real date. */
export function startOfDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date.getTime() : undefined;
}

/** The query, or the message naming what is wrong. The "to" day is included whole. */
export function searchFromForm(values: SearchFormValues): { search: VisitSearch } | { error: MessageKey } {
  const alias = values.alias.trim();
  if (alias.length > ALIAS_MAX_LENGTH) return { error: 'reviewSearchAliasTooLong' };
  const from = values.from === '' ? null : startOfDay(values.from);
  const toStart = values.to === '' ? null : startOfDay(values.to);
  if (from === undefined) return { error: 'reviewSearchFromInvalid' };
  if (toStart === undefined) return { error: 'reviewSearchToInvalid' };
  // The start of the day after, so a DST change (a 23- or 25-hour day) still includes the whole "to" day.
  const to = toStart === null ? null : (startOfDay(nextDay(values.to)) ?? toStart + DAY_MS);
  if (from !== null && to !== null && from >= to) return { error: 'reviewSearchRangeBackwards' };
  return { search: { alias, from, to } };
}

function nextDay(text: string): string {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
