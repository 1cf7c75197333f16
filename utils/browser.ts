/**
 * The WebExtension API for extension-origin contexts (background, panel, popup): Mozilla's polyfill gives one
 * promise-based `browser` on Chrome, Edge and Firefox. The content script uses WXT's thin native `browser` instead,
 * because the polyfill would more than double the code Attune injects into every call page.
 */
export { default as browser } from 'webextension-polyfill';
export type { Runtime, Tabs } from 'webextension-polyfill';
