import { useEffect, useState } from 'preact/hooks';
import { InvalidInstrumentError, SHIPPED_INSTRUMENTS, type Instrument } from '../../utils/checkin/instrument';
import { wordingText } from '../../utils/checkin/wording';
import { loadedInstruments, loadInstrument } from '../../utils/db/instruments';
import { t } from '../../utils/i18n';
import { failureText, useActionOutcome, type ActionOutcomeState } from './useActionOutcome';

export interface Instruments extends ActionOutcomeState {
  /** Attune's own check-in first, then those loaded on this device. */
  available: readonly Instrument[] | undefined;
  onLoadFile: (file: File) => void;
}

const NOT_LOADED_PREFIX = 'The check-in definition was not loaded: ';

/** The check-ins to choose from, and loading a practice's definition from a JSON file (validated; a bad one stores nothing). */
export function useInstruments(): Instruments {
  const [available, setAvailable] = useState<Instrument[]>();
  const { state, fail, run } = useActionOutcome();

  const refresh = () => loadedInstruments().then((loaded) => setAvailable([...SHIPPED_INSTRUMENTS, ...loaded]));
  useEffect(() => {
    refresh().catch((failure: unknown) => fail(failureText(failure)));
  }, []);

  const onLoadFile = (file: File) =>
    run(
      file.text().then(async (text) => {
        let definition: unknown;
        try {
          definition = JSON.parse(text);
        } catch {
          return { error: t('instrumentFileNotJson', file.name) };
        }
        const instrument = await loadInstrument(definition, Date.now());
        await refresh();
        return { status: t('instrumentFileLoaded', [wordingText(instrument.title), instrument.version]) };
      }),
      (failure) => {
        if (!(failure instanceof InvalidInstrumentError)) return failureText(failure);
        const reason = failure.message.startsWith(NOT_LOADED_PREFIX) ? failure.message.slice(NOT_LOADED_PREFIX.length) : failure.message;
        return t('instrumentFileRejected', [file.name, reason]);
      },
    );

  return { available, ...state, onLoadFile };
}
