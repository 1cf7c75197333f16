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
