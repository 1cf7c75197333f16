import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import { expect } from './test';

/** The reminder with this id (e.g. `time:halfway`) in the panel. */
export const reminder = (frame: Frame, id: string) => frame.locator(`[data-reminder-id="${id}"]`);

/** The panel's polite live region. */
export const announcer = (frame: Frame) => frame.getByTestId('panel-announcer');

/** The agenda items, in the order shown. */
export const agendaItems = (frame: Frame) => frame.locator('[data-agenda-item]');

export async function agendaTexts(frame: Frame): Promise<string[]> {
  return agendaItems(frame).locator('.agenda-line label').allTextContents();
}

/** Every record of one store of Attune's database, read inside the extension's own frame. */
export async function storedRecords(frame: Frame, store: string): Promise<Record<string, unknown>[]> {
  return frame.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** What Attune keeps under `keys` in the extension's local storage, read inside one of its own frames or pages. */
export async function storedLocal(target: Frame | Page, keys: string[]): Promise<Record<string, unknown>> {
  return target.evaluate((wanted) => {
    type LocalStorage = { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };
    const { chrome } = globalThis as unknown as { chrome: LocalStorage };
    return chrome.storage.local.get(wanted);
  }, keys);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) in a page or frame and returns its violations. */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
}

export async function expectNoAxeViolations(target: Page | Frame, what: string): Promise<void> {
  expect(await axeViolations(target), `axe violations in ${what}`).toEqual([]);
}
