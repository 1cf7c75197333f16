import { WrongPassphraseError } from '../../utils/crypto/keyring';
import { t } from '../../utils/i18n';

/** What went wrong, in the clinician's language where Attune knows the fault. */
export function lockFailureText(failure: unknown): string {
  if (failure instanceof WrongPassphraseError) return t('lockWrongPassphrase');
  return t('genericError', failure instanceof Error ? failure.message : String(failure));
}
