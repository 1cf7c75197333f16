import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES_DIR = join(ROOT, 'public/_locales');
const DEFAULT_LOCALE = 'en';

const messagesSchema = z.record(
  z.string(),
  z.object({
    message: z.string().min(1),
    description: z.string().optional(),
    placeholders: z.record(z.string(), z.object({ content: z.string(), example: z.string().optional() })).optional(),
  }),
);
type Messages = z.infer<typeof messagesSchema>;

function readMessages(locale: string): Messages {
  return messagesSchema.parse(JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')));
}

function sourceFiles(dir: string, extensions: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.test(file))
    .map((file) => join(ROOT, dir, file));
}

const uiSources = ['entrypoints', 'components', 'utils'].flatMap((dir) => sourceFiles(dir, /\.tsx?$/));
const jsxSources = ['entrypoints', 'components'].flatMap((dir) => sourceFiles(dir, /\.tsx$/));
const locales = readdirSync(LOCALES_DIR);
const english = readMessages(DEFAULT_LOCALE);

/** `$1`…`$9` used in a message, as a sorted list. */
const substitutionsIn = (text: string) => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();

/** Every `t('key'` call: the key, whether it passes substitutions, and where it is. */
const translationCalls = uiSources.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"]([^'"]+)['"]\s*([,)])/g)].map((match) => ({
    key: match[1] ?? '',
    withSubstitutions: match[2] === ',',
    where: relative(ROOT, file),
  })),
);

/** Comments may mention markup; they are not shown to anyone. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

/**
 * Text a clinician would see that is written straight into JSX instead of going through t(): letters after a tag
 * (up to the next tag or `{`), or between a `}` and a closing tag. A tag is `<` not preceded by an identifier (so
 * `useState<Visit>` is a type, not a tag), then attributes whose `{...}` may hold `=>`. What follows the last tag
 * of an expression is code, and starts with punctuation (`/>;`, `</p>, root)`, `<A /> : <B />`).
 */
const JSX_TAG = /(?<![\w$.)\]])<\/?(?:[A-Za-z][\w.]*(?:\s(?:[^<>{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)?)?\/?>([^<{]*)/g;
const TEXT_BEFORE_CLOSING_TAG = /\}([^<>{}]*)<\//g;
const LITERAL_TEXT_ATTRIBUTE = /\b(aria-label|title|placeholder|alt)="([^"]*)"/g;

export function untranslatedJsxText(source: string): string[] {
  const code = withoutComments(source);
  const texts = [
    ...[...code.matchAll(JSX_TAG)].map((match) => match[1] ?? '').filter((text) => !/^\s*([);,}:?]|&&|\|\|)/.test(text)),
    ...[...code.matchAll(TEXT_BEFORE_CLOSING_TAG)].map((match) => match[1] ?? ''),
    ...[...code.matchAll(LITERAL_TEXT_ATTRIBUTE)].map((match) => `${match[1]}="${match[2]}"`),
  ];
  return texts.map((text) => text.replace(/&\w+;/g, '').trim()).filter((text) => /\p{L}/u.test(text));
}

describe('translations', () => {
  it('finds the t() calls it checks', () => {
    expect(translationCalls.length).toBeGreaterThan(20);
  });

  it('has an English message for every t() key in the code', () => {
    const missing = translationCalls.filter(({ key }) => !(key in english)).map(({ key, where }) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it('passes substitutions exactly to messages with placeholders', () => {
    const mismatched = translationCalls
      .filter(({ key, withSubstitutions }) => {
        const message = english[key]?.message;
        return message !== undefined && substitutionsIn(message).length > 0 !== withSubstitutions;
      })
      .map(({ key, where }) => `${key} (${where})`);
    expect(mismatched).toEqual([]);
  });

  it('uses every English message somewhere, so translators translate nothing dead', () => {
    const manifestKeys = [...readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    // Registries (e.g. agenda templates) name their strings by key: `nameKey: 'templateBriefName'`.
    const registryKeys = uiSources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\b\w*Key:\s*'(\w+)'/g)].map((m) => m[1]));
    const used = new Set([...translationCalls.map(({ key }) => key), ...manifestKeys, ...registryKeys]);
    expect(Object.keys(english).filter((key) => !used.has(key))).toEqual([]);
  });

  it('ships the default locale', () => {
    expect(locales).toContain(DEFAULT_LOCALE);
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).toContain(`default_locale: '${DEFAULT_LOCALE}'`);
  });

  it.each(locales)('%s has a messages.json', (locale) => {
    expect(existsSync(join(LOCALES_DIR, locale, 'messages.json'))).toBe(true);
  });

  it.each(locales)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(readMessages(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(locales)('%s declares the same placeholders as English, each used as $1…$9', (locale) => {
    const messages = readMessages(locale);
    const shape = (all: Messages) =>
      Object.fromEntries(
        Object.entries(all).map(([key, { placeholders }]) => [
          key,
          Object.fromEntries(Object.entries(placeholders ?? {}).map(([name, { content }]) => [name, content])),
        ]),
      );
    expect(shape(messages)).toEqual(shape(english));
  });

  it.each(locales)('%s declares a placeholder for every $1…$9 in its messages, and uses every one', (locale) => {
    const problems = Object.entries(readMessages(locale)).flatMap(([key, { message, placeholders }]) => {
      const declared = Object.values(placeholders ?? {})
        .map(({ content }) => content)
        .sort();
      const used = substitutionsIn(message);
      return JSON.stringify(declared) === JSON.stringify(used) ? [] : [`${key}: uses ${used.join(',')} declares ${declared.join(',')}`];
    });
    expect(problems).toEqual([]);
  });
});

describe('user-visible text in JSX', () => {
  it('finds the JSX files it checks', () => {
    expect(jsxSources.length).toBeGreaterThan(5);
  });

  it('goes through t() everywhere', () => {
    const found = jsxSources.flatMap((file) =>
      untranslatedJsxText(readFileSync(file, 'utf8')).map((text) => `${relative(ROOT, file)}: ${text}`),
    );
    expect(found).toEqual([]);
  });

  // The detector itself: it must catch what it is for and leave translated text and TypeScript alone.
  it.each([
    ['<p>Hello</p>', ['Hello']],
    ['<button type="button" onClick={() => go()}>Save now</button>', ['Save now']],
    ['<li>{count} visits</li>', ['visits']],
    ['<>Loading</>', ['Loading']],
    ['<button aria-label="Close panel" />', ['aria-label="Close panel"']],
    ['<p>{t(\'saveSaved\')}</p>', []],
    ['<span aria-hidden="true">›</span>', []],
    ['const ref = useRef<HTMLButtonElement>(null); const x = a < b && c > d;', []],
    ['<Notice tone="error">{error}</Notice>', []],
    ['return <p class="empty">{t(\'popupEmpty\')}</p>;\n  return (\n    <ul>', []],
    ['render(<App search={location.search} />, root);', []],
    ['{busy ? <Spinner /> : label}', []],
    ['// <p>Hello</p> in a comment\n<p>{text}</p>', []],
  ])('flags untranslated text in %j', (source, expected) => {
    expect(untranslatedJsxText(source)).toEqual(expected);
  });
});
