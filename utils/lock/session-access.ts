import { browser } from '../browser';

/**
 * The unlocked secret lives in storage.session; only Attune's own pages and background may read it, never a content
 * script (Chrome's default, made explicit here; Firefox never exposes storage.session to content scripts).
 */
export function keepSessionFromContentScripts(): void {
  const session = browser.storage.session as typeof browser.storage.session & {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  void session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => {
    console.error('Attune could not restrict its session storage to its own pages.', error);
  });
}
