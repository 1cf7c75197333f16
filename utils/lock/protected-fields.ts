/**
 * What the lock seals: one declarative map, store by store, of every field that holds clinical text or the clinician's
 * own words. Every repository reads and writes these stores through `sealRecord`/`openRecord` (utils/lock/records.ts),
 * the conversion pass walks this same map, and a unit test checks the map against the schemas.
 *
 * Ids, dates, numbers, answers and choices from fixed lists (rupture markers, repair state) stay clear: indexes and
 * retention need them, and they hold no words. `clients.aliasKey` is an index key: with the lock on it holds a keyed
 * hash (HMAC-SHA-256 under the lookup key) of the normalised alias instead of the alias itself.
 */
import type { AttuneStore } from '../db/schema';
import { aliasKeyOf } from '../models';

/** A dotted path to a text field; `*` stands for every element of an array. */
export type FieldPath = string;

export const PROTECTED_FIELDS = {
  clients: ['alias'],
  notes: ['text'],
  agendaItems: ['text'],
  agendaTemplates: ['name', 'items.*.text'],
  goals: ['title', 'note'],
  nextTime: ['homework', 'note'],
  checkIns: ['rupture.forNextTime'],
} as const satisfies Partial<Record<AttuneStore, readonly FieldPath[]>>;

export type ProtectedStore = keyof typeof PROTECTED_FIELDS;
export const PROTECTED_STORES: readonly ProtectedStore[] = ['clients', 'notes', 'agendaItems', 'agendaTemplates', 'goals', 'nextTime', 'checkIns'];

/**
 * Index fields computed from a protected field: stored as a keyed hash while the lock is on (so an exact match still
 * goes through the index), and as the plain normalised value while it is off. In memory they are always plain.
 */
export const LOOKUP_FIELDS = {
  clients: { field: 'aliasKey', from: (record: unknown) => textAt(record, 'alias', aliasKeyOf) },
} as const satisfies Partial<Record<ProtectedStore, { field: string; from: (record: unknown) => string | undefined }>>;

export function isProtectedStore(store: string): store is ProtectedStore {
  return Object.hasOwn(PROTECTED_FIELDS, store);
}

export function protectedFieldsOf(store: string): readonly FieldPath[] {
  return isProtectedStore(store) ? PROTECTED_FIELDS[store] : [];
}

function textAt(record: unknown, field: string, normalise: (text: string) => string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value: unknown = Reflect.get(record, field);
  return typeof value === 'string' ? normalise(value) : undefined;
}

/** Every text value at `path` in `value`, changed in place by `change`; anything that is not text is left as it is. */
export async function changeTextsAt(value: unknown, path: FieldPath, change: (text: string) => Promise<string>): Promise<void> {
  const [head, ...rest] = path.split('.');
  if (head === undefined || typeof value !== 'object' || value === null) return;
  const children: { holder: object; key: string | number }[] =
    head === '*' ? (Array.isArray(value) ? value.map((_, index) => ({ holder: value, key: index })) : []) : [{ holder: value, key: head }];
  await Promise.all(
    children.map(async ({ holder, key }) => {
      const child: unknown = Reflect.get(holder, key);
      if (rest.length > 0) return changeTextsAt(child, rest.join('.'), change);
      if (typeof child === 'string') Reflect.set(holder, key, await change(child));
      return undefined;
    }),
  );
}

/** Every text value at `path` in `value` (for tests and checks). */
export function textsAt(value: unknown, path: FieldPath): string[] {
  const [head, ...rest] = path.split('.');
  if (head === undefined || typeof value !== 'object' || value === null) return [];
  const children: unknown[] = head === '*' ? (Array.isArray(value) ? value : []) : [Reflect.get(value, head)];
  return children.flatMap((child) => (rest.length > 0 ? textsAt(child, rest.join('.')) : typeof child === 'string' ? [child] : []));
}
