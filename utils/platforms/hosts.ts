/** Small URL helpers shared by the platform files. */

/** `hostname` is `domain` itself or one of its subdomains (`a.b.domain`), never a look-alike (`domain.evil.example`). */
export function isDomainOrSub(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** The path's single segment (`/room` or `/room/` → `room`), or undefined when the path has none or several. */
export function onlySegment(pathname: string): string | undefined {
  return /^\/([^/]+)\/?$/.exec(pathname)?.[1];
}
