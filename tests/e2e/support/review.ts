import type { Page } from '@playwright/test';
import { expect } from './test';
import type { VisitHistory } from '../../support/seed.mjs';

/** A `YYYY-MM-DD` day in the machine's time zone (the browser's too), as a date input takes it. */
export function dayOf(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The seeded client with the most completed check-ins, one of their visits from the middle of their care, and the rest. */
export function regularClient(history: VisitHistory) {
  const counts = new Map<string, number>();
  for (const checkIn of history.checkIns) if (checkIn.completedAt !== null) counts.set(checkIn.clientId, (counts.get(checkIn.clientId) ?? 0) + 1);
  const [clientId = '', completed = 0] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  const client = history.clients.find((candidate) => candidate.id === clientId);
  const visits = history.visits.filter((visit) => visit.clientId === clientId).sort((a, b) => a.startedAt - b.startedAt);
  const target = visits[Math.floor(visits.length / 2)];
  if (client === undefined || target === undefined) throw new Error('The seeded history has no regular client.');
  const note = history.notes.find((candidate) => candidate.visitId === target.id);
  return { client, visits, target, note, completed };
}

/** The review screens (popup or history page) as a clinician uses them. */
export class ReviewScreen {
  constructor(readonly page: Page) {}

  async search(alias: string, from: string, to: string): Promise<void> {
    const form = this.page.getByRole('search', { name: 'Find past visits' });
    await form.getByLabel('Client alias starts with').fill(alias);
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To (included)').fill(to);
    await form.getByRole('button', { name: 'Find visits' }).click();
  }

  found() {
    return this.page.getByRole('list', { name: 'Visits found, newest first' });
  }

  async openVisit(alias: string, visitId: string): Promise<void> {
    await this.page.locator(`.visit-row[data-visit-id="${visitId}"]`).getByRole('button', { name: new RegExp(`^Details of the visit with ${escape(alias)}`) }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: new RegExp(`^Visit with ${escape(alias)}, `) })).toBeFocused();
  }

  async openClient(alias: string): Promise<void> {
    await this.page.getByRole('button', { name: `Overview of ${alias}` }).first().click();
    await expect(this.page.getByRole('heading', { level: 2, name: `Client ${alias}` })).toBeFocused();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
