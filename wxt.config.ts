import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_MATCHES, GECKO_ID } from './common/extension-ids';
import { noInnerHtml } from './scripts/vite/no-inner-html';
import { quietContentScriptContext } from './scripts/vite/quiet-content-script-context';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/icon-${size}.png`]));

export default defineConfig({
  zip: {
    // The store's reviewers rebuild from sources: screenshots and measurements are not sources.
    excludeSources: ['demo/**', 'bench/**', 'docs/images/**', '.test-results/**'],
  },
  hooks: {
    // The icon set lives in assets/ beside its SVG source (scripts/export-icons.mjs draws the PNGs).
    'build:publicAssets': (_wxt, files) => {
      for (const size of ICON_SIZES) {
        files.push({
          absoluteSrc: resolve(import.meta.dirname, `assets/icons/icon-${size}.png`),
          relativeDest: `icons/icon-${size}.png`,
        });
      }
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox on Manifest V3 too: one background model (event page / service worker) to reason about.
  manifestVersion: 3,
  vite: () => ({
    plugins: [noInnerHtml(), quietContentScriptContext(), preact()],
    build: {
      // Readable stack traces from users' reports matter more than a few kB.
      minify: false,
      // Extension pages load their modules natively; Vite's preload polyfill is the only `fetch`
      // the bundles would contain (tests/e2e/built-bundles.e2e.ts keeps them free of network APIs).
      modulePreload: { polyfill: false },
      // Doc comments explain the sources; the shipped bundles don't need them, and the content
      // script is parsed on every page. Stack traces stay readable: nothing is minified.
      rolldownOptions: { output: { comments: { legal: true, annotation: true, jsdoc: false } } },
    },
  }),
  manifest: ({ browser }) => ({
    // Listing text comes from public/_locales (docs/translating.md); the browser picks the locale.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons,
    // scripting: the highlight styles go into a tab only while it is marked, and the content
    // script into tabs open before an install, update or enable (docs/permissions.md).
    permissions: ['storage', 'scripting'],
    // Chromium lets `scripting` reach only explicit host permissions, not the content script's
    // matches: the same sites, so the install prompt does not change (docs/permissions.md).
    host_permissions: CONTENT_SCRIPT_MATCHES,
    action: { default_title: '__MSG_extName__', default_icon: icons },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPreviousMention__',
      },
      // Alt+Shift+K ("keep"): free in Chromium and Firefox on every desktop system.
      'pin-card': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandPinCard__',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandToggleSite__',
      },
    },
    // The frame gate (entrypoints/frame-gate/) is an unlisted script, so that WXT's content-script
    // context and the polyfill stay out of the one script every ad frame parses.
    content_scripts: [
      {
        matches: CONTENT_SCRIPT_MATCHES,
        js: ['frame-gate.js'],
        all_frames: true,
        run_at: 'document_idle',
      },
    ],
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions exists on Android from 142 only.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
