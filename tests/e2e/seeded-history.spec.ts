import { generateVisitHistory, seedVisitHistory } from '../support/seed.mjs';
import { expect, openPopup, test } from './support/test';

// The seed (tests/support/seed.mjs) is what the benchmark and history tests stand on: prove the built extension reads
// it as its own data.
test('a seeded history is Attune\u2019s own data: the popup lists its newest visits with their clients and notes', async ({
  context,
  extensionId,
}) => {
  const history = generateVisitHistory({ visits: 400, now: Date.now(), seed: 11 });
  expect(await seedVisitHistory(context, extensionId, history)).toEqual({
    clients: history.clients.length,
    visits: 400,
    notes: history.notes.length,
    checkIns: 400,
  });

  const popup = await openPopup(context, extensionId);
  const rows = popup.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem');
  await expect(rows).toHaveCount(20);
  const newest = history.visits.reduce((latest, visit) => (visit.startedAt > latest.startedAt ? visit : latest));
  const alias = history.clients.find((client) => client.id === newest.clientId)?.alias ?? 'missing';
  const note = history.notes.find((candidate) => candidate.visitId === newest.id);
  await expect(rows.first()).toContainText(alias);
  if (note !== undefined) await expect(rows.first()).toContainText(note.text.split('\n')[0]?.slice(0, 40) ?? '');
  await expect(popup.getByText(/set aside/i)).toHaveCount(0);
});
