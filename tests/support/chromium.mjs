// Where the Chromium used by the tests, the demo and the benchmark lives. Debian's package installs the real binary
// here (/usr/bin/chromium is a slower wrapper script); ATTUNE_CHROMIUM points elsewhere when needed.
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/lib/chromium/chromium';

/** @returns {string} */
export function chromiumPath() {
  const path = process.env.ATTUNE_CHROMIUM ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it (Debian: apt-get install chromium) or set ATTUNE_CHROMIUM to its binary.`,
    );
  }
  return path;
}
