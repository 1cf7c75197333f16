/**
 * Selectors that hint at where the clinician is in a call, chosen to survive UI-language changes: ids, data-* and
 * other non-text attributes only, never label text. Every hint is optional and none is trusted alone; media and the
 * URL are read too (utils/call-signals.ts), so a platform that renames its markup degrades detection, not breaks it.
 */
export interface DomHints {
  /** Present in the lobby / waiting room (self preview, "join" control). */
  readonly lobby?: string;
  /** Present only while in the call (the call's own controls, e.g. the hang-up control). */
  readonly call?: string;
  /** Present on the screen the platform shows after leaving (rejoin / feedback). */
  readonly left?: string;
}

/** A video-visit platform Attune recognises. Each platform lives in its own file and registers in `index.ts`. */
export interface Platform {
  /** Stable id stored on visit records; never renamed once shipped. */
  readonly id: string;
  /** Name shown to clinicians. Proper nouns are not translated. */
  readonly name: string;
  /** Manifest match patterns for all of the platform's pages (https only). */
  readonly matches: readonly string[];
  /** True when `hostname` (lower case) is one of the platform's hosts, meeting page or not. */
  ownsHost(hostname: string): boolean;
  /** True when `url` is a meeting (not a landing, home, chat or launcher page). Pure: takes the URL, reads nothing else. */
  isMeetingUrl(url: URL): boolean;
  readonly hints?: DomHints;
}
