import { useState } from 'preact/hooks';
import { exportBackup } from '../../utils/backup/export';
import { BackupError, restoreBackup } from '../../utils/backup/restore';
import { wordingText } from '../../utils/checkin/wording';
import { downloadText, exportFileName } from '../../utils/export/download';
import { exportCheckInsCsv, exportFhirBundle } from '../../utils/export/files';
import { t } from '../../utils/i18n';
import { errorText } from '../hooks/useReview';
import { Notice } from '../Notice';

export interface BackupSectionProps {
  /** Called after a restore wrote records, so the page can show them. */
  onRestored?: () => void;
}

type Message = { tone: 'info' | 'error'; text: string };

/** Backup and restore (JSON), and exports of the check-ins as CSV and as FHIR R4, on the history and options pages. */
export function BackupSection({ onRestored }: BackupSectionProps) {
  const [message, setMessage] = useState<Message>();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);

  const run = (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    work().then(
      (text) => {
        setBusy(false);
        setMessage({ tone: 'info', text });
      },
      (failure: unknown) => {
        setBusy(false);
        setMessage({ tone: 'error', text: failure instanceof BackupError ? failure.message : errorText(failure) });
      },
    );
  };
  const save = (what: string, extension: string, type: string, read: () => Promise<string>) =>
    run(async () => {
      const now = Date.now();
      const name = exportFileName(what, extension, now);
      downloadText(name, type, await read());
      return t('backupSaved', name);
    });

  return (
    <section class="stack" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="hint">{t('backupIntro')}</p>
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => save('backup', 'json', 'application/json', () => exportBackup(Date.now()))}>
          {t('backupExport')}
        </button>
        <button type="button" disabled={busy} onClick={() => save('check-ins', 'csv', 'text/csv', exportCheckInsCsv)}>
          {t('exportCsv')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => save('check-ins-fhir', 'json', 'application/fhir+json', () => exportFhirBundle({ wording: wordingText, t: (key) => t(key) }, Date.now()))}
        >
          {t('exportFhir')}
        </button>
      </div>
      <form
        class="stack stack--tight"
        onSubmit={(event) => {
          event.preventDefault();
          if (file === undefined) {
            setMessage({ tone: 'error', text: t('restoreChooseFirst') });
            return;
          }
          run(async () => {
            const counts = await restoreBackup(await file.text());
            onRestored?.();
            return t('restoreDone', [String(counts.clients), String(counts.visits), String(counts.checkIns)]);
          });
        }}
      >
        <div class="field">
          <label for="restore-file">{t('restoreFileLabel')}</label>
          <input
            id="restore-file"
            type="file"
            accept=".json,application/json"
            aria-describedby="restore-hint"
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
          <p id="restore-hint" class="hint">{t('restoreHint')}</p>
        </div>
        <button type="submit" disabled={busy}>{t('restoreButton')}</button>
      </form>
      {message !== undefined && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}
