import { useEffect, useState } from 'preact/hooks';
import { InvalidInstrumentError, SHIPPED_INSTRUMENTS, type Instrument } from '../../utils/checkin/instrument';
import { wordingText } from '../../utils/checkin/wording';
import { loadedInstruments, loadInstrument } from '../../utils/db/instruments';
import { t } from '../../utils/i18n';
import { failureText } from './useOptionsSettings';

export interface Instruments {
  /** Attune's own check-in first, then those loaded on this device. */
  available: readonly Instrument[] | undefined;
  busy: boolean;
  status: string;
  error: string | undefined;
  onLoadFile: (file: File) => void;
}

const NOT_LOADED_PREFIX = 'The check-in definition was not loaded: ';

/** The check-ins to choose from, and loading a practice's definition from a JSON file (validated; a bad one stores nothing). */
export function useInstruments(): Instruments {
  const [available, setAvailable] = useState<Instrument[]>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  const refresh = () => loadedInstruments().then((loaded) => setAvailable([...SHIPPED_INSTRUMENTS, ...loaded]));
  useEffect(() => {
    refresh().catch((failure: unknown) => setError(failureText(failure)));
  }, []);

  const onLoadFile = (file: File) => {
    setStatus('');
    setError(undefined);
    setBusy(true);
    file
      .text()
      .then(async (text) => {
        let definition: unknown;
        try {
          definition = JSON.parse(text);
        } catch {
          return setError(t('instrumentFileNotJson', file.name));
        }
        const instrument = await loadInstrument(definition, Date.now());
        await refresh();
        setStatus(t('instrumentFileLoaded', [wordingText(instrument.title), instrument.version]));
      })
      .catch((failure: unknown) => {
        if (!(failure instanceof InvalidInstrumentError)) return setError(failureText(failure));
        const reason = failure.message.startsWith(NOT_LOADED_PREFIX) ? failure.message.slice(NOT_LOADED_PREFIX.length) : failure.message;
        setError(t('instrumentFileRejected', [file.name, reason]));
      })
      .finally(() => setBusy(false));
  };

  return { available, busy, status, error, onLoadFile };
}
