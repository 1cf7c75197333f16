export interface LiveRegionProps {
  /** The latest announcement; screen readers read it politely, after what they are saying. */
  text: string;
  /** Names the region for the page's own code and tests; one page may hold several. */
  id?: string;
}

/** A polite live region that exists from page load, so later announcements are reliably read. Not visible. */
export function LiveRegion({ text, id }: LiveRegionProps) {
  return (
    <div id={id} class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
