import type { ComponentChildren } from 'preact';

export interface RequiredTextFieldProps {
  /** The input's id; its error line is `${id}-error`. */
  id: string;
  label: ComponentChildren;
  value: string;
  maxLength: number;
  /** The clinician tried to save it empty: the field is marked invalid and the error is announced. */
  missing: boolean;
  /** What to say when it is missing, e.g. "Give the goal a title." */
  missingMessage: string;
  onInput: (value: string) => void;
}

/**
 * A one-line text field that must not be left empty: labelled, its error line tied to it by aria-describedby and
 * announced (role="alert") when the clinician tries to save it empty. Typing clears the error (the caller's onInput).
 */
export function RequiredTextField({ id, label, value, maxLength, missing, missingMessage, onInput }: RequiredTextFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        maxLength={maxLength}
        autoComplete="off"
        value={value}
        aria-invalid={missing}
        aria-describedby={`${id}-error`}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id={`${id}-error`} class="field-error" role="alert">
        {missing ? missingMessage : ''}
      </p>
    </div>
  );
}
