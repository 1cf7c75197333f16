/**
 * A deterministic generator of hostile inputs for the boundary tests: a seeded random source (mulberry32), a pool of
 * values a hostile page, extension or policy file could send, and single mutations of a valid input. Each generated
 * case carries the path it broke, so a test can check the error names it. Same seed, same cases, every run.
 */

export type Path = (string | number)[];

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class HostileSource {
  readonly random: () => number;
  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(choices: readonly T[]): T {
    const choice = choices[this.int(choices.length)];
    if (choice === undefined) throw new Error('Nothing to pick from.');
    return choice;
  }

  /** A string that is not what a field expects: markup, control characters, lookalikes, huge, or random code points. */
  string(): string {
    const fixed = [
      '',
      ' ',
      '\u0000',
      '__proto__',
      'constructor',
      '<img src=x onerror=alert(1)>',
      '"; DROP TABLE visits; --',
      '../../../etc/passwd',
      'javascript:alert(1)',
      '\u202eevil',
      'ＡＢＣ',
      '0',
      'true',
      'null',
      '6f1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e0',
      '6f1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e011',
      'x'.repeat(100_001),
    ];
    if (this.random() < 0.6) return this.pick(fixed);
    const length = this.int(40);
    return Array.from({ length }, () => String.fromCodePoint(this.int(0x2ffff))).join('');
  }

  /** Any value a hostile sender could produce, of any type. */
  value(): unknown {
    const kinds: (() => unknown)[] = [
      () => null,
      () => undefined,
      () => this.random() < 0.5,
      () => this.pick([0, -1, 1.5, -0, 2 ** 53 + 2, -1e9, 1e9, 1e308, Number.NaN, Infinity, -Infinity]),
      () => this.string(),
      () => ({}),
      () => [],
      () => [this.string(), this.int(100)],
      () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown,
      () => nested(this.int(200) + 1),
      () => ({ type: this.string(), then: 'not a promise' }),
      () => new Date(this.int(2 ** 40)),
    ];
    return this.pick(kinds)();
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? { value } : [value];
  return value;
}

/** Every path to a value inside `input` (objects and arrays), the root excluded. */
export function pathsOf(input: unknown, prefix: Path = []): Path[] {
  if (typeof input !== 'object' || input === null) return [];
  return Object.entries(input).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(input) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

export function valueAt(input: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined), input);
}

/** A deep copy of `input` with the value at `path` replaced, or removed when `replacement` is REMOVE. */
export const REMOVE = Symbol('remove');
export function withChange(input: unknown, path: Path, replacement: unknown): unknown {
  const copy: unknown = structuredClone(input);
  const parent = valueAt(copy, path.slice(0, -1));
  const key = path.at(-1);
  if (typeof parent !== 'object' || parent === null || key === undefined) throw new Error(`No parent at ${path.join('.')}.`);
  if (replacement === REMOVE) Reflect.deleteProperty(parent, key);
  else Reflect.set(parent, key, replacement);
  return copy;
}

/** How an error names a place: `a.b.0`, or `(value)` for the whole input (utils/models.ts describeIssues). */
export const pathLabel = (path: Path) => (path.length === 0 ? '(value)' : path.join('.'));
