/** A video-visit platform Attune recognises. Each platform lives in its own file and registers in `index.ts`. */
export interface Platform {
  /** Stable id stored on visit records; never renamed once shipped. */
  readonly id: string;
  /** Name shown to clinicians. Proper nouns are not translated. */
  readonly name: string;
  /** Manifest match patterns for the platform's call pages. */
  readonly matches: readonly string[];
  /** True when `url` is a meeting (not a landing, home, chat or launcher page). Pure: takes the URL, reads nothing else. */
  isMeetingUrl(url: URL): boolean;
}
