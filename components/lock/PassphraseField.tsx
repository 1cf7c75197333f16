export interface PassphraseFieldProps {
  id: string;
  label: string;
  value: string;
  autocomplete: 'current-password' | 'new-password';
  onInput: (value: string) => void;
}

export function PassphraseField({ id, label, value, autocomplete, onInput }: PassphraseFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="password" autocomplete={autocomplete} value={value} onInput={(event) => onInput(event.currentTarget.value)} />
    </div>
  );
}
