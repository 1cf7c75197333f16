export interface LiveAnnouncerProps {
  message: string;
}

/**
 * A polite live region that exists from the moment the page loads (screen readers ignore regions created together
 * with their first message). Visually hidden; the same text is on screen elsewhere.
 */
export function LiveAnnouncer({ message }: LiveAnnouncerProps) {
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="panel-announcer">
      {message}
    </div>
  );
}
