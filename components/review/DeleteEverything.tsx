import { useState } from 'preact/hooks';
import { deleteEverything } from '../../utils/db/deletion';
import { t } from '../../utils/i18n';
import { Notice } from '../Notice';
import { ConfirmDelete } from './ConfirmDelete';

export interface DeleteEverythingProps {
  onDeleted?: () => void;
}

/** Deleting every record Attune keeps, after a deliberate confirmation. */
export function DeleteEverything({ onDeleted }: DeleteEverythingProps) {
  const [done, setDone] = useState(false);
  return (
    <section class="stack stack--tight" aria-labelledby="delete-everything-heading">
      <h2 id="delete-everything-heading">{t('deleteEverythingHeading')}</h2>
      <p class="hint">{t('deleteEverythingIntro')}</p>
      <ConfirmDelete
        label={t('deleteEverything')}
        confirmLabel={t('deleteEverythingConfirm')}
        onConfirm={() =>
          deleteEverything().then(() => {
            setDone(true);
            onDeleted?.();
          })
        }
      />
      {done && <Notice tone="info">{t('deleteEverythingDone')}</Notice>}
    </section>
  );
}
