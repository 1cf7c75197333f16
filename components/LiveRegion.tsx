export interface LiveRegionProps {
  /** The latest announcement; screen readers read it politely, after what they are saying. */
  text: string;
}

/** A polite live region that exists from page load, so later announcements are reliably read. Not visible. */
export function LiveRegion({ text }: LiveRegionProps) {
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
