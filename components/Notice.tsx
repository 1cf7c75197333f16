import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  tone: 'info' | 'error';
  children: ComponentChildren;
}

/** A message the clinician needs to read; errors are announced at once, information politely. */
export function Notice({ tone, children }: NoticeProps) {
  return (
    <p class={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

export interface ActionOutcomeProps {
  /** What went wrong with the last action, announced at once. */
  error: string | undefined;
  /** What the last action did ("Saved", "Allowed"), announced politely; empty while there is nothing to say. */
  status: string;
}

/** Where a settings section reports its last action: an error notice when one failed, and a polite status line. */
export function ActionOutcome({ error, status }: ActionOutcomeProps) {
  return (
    <>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      <p class="hint" role="status">
        {status}
      </p>
    </>
  );
}
