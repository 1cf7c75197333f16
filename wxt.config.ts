import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { allMatchPatterns } from './utils/platforms';

/**
 * What is requested one https origin at a time, never all up front: a practice's own call host, and each host the
 * clinician lists as expected during visits (their EHR…), so Attune can see a tab is there without "tabs".
 */
const OPTIONAL_HOSTS = 'https://*/*';

// Extension pages may load only their own code and may not open any connection: Attune sends nothing anywhere.
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "connect-src 'none'; img-src 'self' data:; style-src 'self'";

export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Vite's modulepreload polyfill calls fetch(); every browser Attune supports preloads modules natively.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser, manifestVersion, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the call-page script for a practice's own hosts, and "Show Attune on this page"; alarms: grace periods
    // and the away notification, which must outlast a stopped service worker. Neither shows an install warning.
    // idle: the passphrase lock locks when the screen locks or the computer sits unused (no install warning).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'idle'],
    // Opens the panel on the call page and moves focus into it (utils/panel-command.ts). Clinicians can change the keys.
    commands: {
      'open-panel': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_commandOpenPanel__' },
    },
    // Built-in platforms only; a practice's own hosts are requested one by one, when the clinician adds them.
    host_permissions: allMatchPatterns(),
    // Asked for only when the clinician turns a feature on: the away notification and single hosts (see OPTIONAL_HOSTS).
    // Manifest V2 (Firefox) lists optional hosts among the optional permissions.
    ...(manifestVersion === 3
      ? { optional_permissions: ['notifications'], optional_host_permissions: [OPTIONAL_HOSTS] }
      : { optional_permissions: ['notifications', OPTIONAL_HOSTS] }),
    // The panel must load on custom hosts too, and web-accessible resources cannot grow at run time, so any https page
    // may load panel.html (as every page may in Firefox's MV2 build). A page framing it cannot read it (cross-origin),
    // and the panel works only when its embedder is the call's own site (isCallSite in utils/panel-context.ts).
    web_accessible_resources:
      manifestVersion === 3 ? [{ resources: ['panel.html'], matches: [OPTIONAL_HOSTS] }] : ['panel.html'],
    // The dev server needs a websocket, so the strict policy applies to builds only.
    ...(command === 'build'
      ? {
          content_security_policy:
            manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
        }
      : {}),
    // A practice's policy (README "For practices"): Chrome and Edge read it through this schema; Firefox takes the same keys
    // from its enterprise policies (3rdparty.Extensions) without one. Both reach Attune as storage.managed.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'attune@attune-care.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT takes the toolbar button's title from popup.html's <title>, which cannot be localised; use the message.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const action of [manifest.action, manifest.browser_action]) {
        if (action !== undefined) action.default_title = '__MSG_actionTitle__';
      }
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'demo-output/**',
      'bench-results/**',
      'store-screenshots/**',
    ],
  },
});
