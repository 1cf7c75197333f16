import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

export interface ConfirmDeleteProps {
  /** The button that starts it, e.g. "Delete this visit…". */
  label: string;
  /** What the clinician must tick to confirm, naming exactly what goes. */
  confirmLabel: string;
  /** Resolves once the deletion is committed; a rejection is shown. */
  onConfirm: () => Promise<void>;
}

/**
 * A deletion the clinician confirms deliberately: the first button only opens the confirmation, the second is enabled
 * once they tick a box that names what will be deleted. Focus moves into it when they open it and back when they cancel.
 */
export function ConfirmDelete({ label, confirmLabel, onConfirm }: ConfirmDeleteProps) {
  const [open, setOpen] = useState(false);
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const box = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const idBase = useRef(`confirm-${Math.random().toString(36).slice(2)}`).current;

  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);

  const cancel = () => {
    setOpen(false);
    setSure(false);
    setError('');
    requestAnimationFrame(() => opener.current?.focus());
  };

  if (!open) {
    return (
      <button type="button" class="danger" ref={opener} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <fieldset class="confirm-delete stack stack--tight" aria-describedby={`${idBase}-warning`}>
      <legend>{label}</legend>
      <p id={`${idBase}-warning`} class="hint">{t('deleteCannotUndo')}</p>
      <div class="check-field">
        <input id={`${idBase}-sure`} type="checkbox" ref={box} checked={sure} onChange={(event) => setSure(event.currentTarget.checked)} />
        <label for={`${idBase}-sure`}>{confirmLabel}</label>
      </div>
      <div class="row">
        <button
          type="button"
          class="danger"
          disabled={!sure || busy}
          onClick={() => {
            setBusy(true);
            onConfirm().then(
              () => setBusy(false),
              (failure: unknown) => {
                setBusy(false);
                setError(t('genericError', failure instanceof Error ? failure.message : String(failure)));
              },
            );
          }}
        >
          {t('deleteConfirm')}
        </button>
        <button type="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
      {error !== '' && <p role="alert" class="field-error">{error}</p>}
    </fieldset>
  );
}
