import { expect, openMeeting, test } from './support/test';
import { storedRecords } from './support/visit-panel';
import { PASSPHRASE, turnLockOnIn } from './support/lock';

const NOTE = 'Client described panic on the 7:40 train; agreed to try paced breathing.';

test('with the lock on, a note is ciphertext in the raw database; locked pages ask for the passphrase, refuse a wrong one, and show the note once unlocked', async ({
  context,
  extensionId,
}) => {
  // Each unlock is a real 600,000-iteration key derivation; a busy machine needs more than the default 30 s.
  test.slow();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('New passphrase (at least 8 characters)').fill(PASSPHRASE);
  await options.getByLabel('Type the new passphrase again').fill('not the same phrase');
  await options.getByRole('button', { name: 'Turn the lock on' }).click();
  await expect(options.getByRole('alert')).toHaveText('The two new passphrases are not the same. Type them again.');
  await turnLockOnIn(options);
  await expect(options.getByText(/nobody can recover your encrypted notes/).first()).toBeVisible();

  // A visit written while unlocked: the panel saves the note, and the database holds no readable trace of it.
  const { panel } = await openMeeting(context);
  const frame = await panel.startVisit('Q.Z.');
  await panel.typeNote(frame, NOTE);
  await expect(frame.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const rawNotes = JSON.stringify(await storedRecords(frame, 'notes'));
  expect(rawNotes).toContain('sealed:v1:');
  for (const fragment of ['panic', 'paced breathing', '7:40 train']) expect(rawNotes).not.toContain(fragment);

  // Lock: the history page asks for the passphrase, refuses a wrong one, then shows the visit's note.
  await options.getByRole('button', { name: 'Lock now' }).click();
  await expect(options.getByRole('heading', { name: 'Attune is locked' })).toBeVisible();
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/history.html`);
  await expect(history.getByRole('heading', { name: 'Attune is locked' })).toBeVisible();
  await expect(history.getByText('paced breathing')).toHaveCount(0);
  await history.getByLabel('Passphrase', { exact: true }).fill('harbour lantern 43');
  await history.getByRole('button', { name: 'Unlock' }).click();
  await expect(history.getByRole('alert')).toHaveText('That passphrase is not the one that locks Attune. Check it and try again.');
  await history.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await history.getByRole('button', { name: 'Unlock' }).click();
  await expect(history.getByText(/Client described panic on the 7:40 train/).first()).toBeVisible();
  // Unlocking on one page unlocks Attune's other pages too.
  await expect(options.getByText('The lock is on and this page is unlocked.')).toBeVisible();
});
