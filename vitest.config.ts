import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Dexie needs an IndexedDB; the background's database is tested against fake-indexeddb.
    // The interface's words come from public/_locales through browser.i18n (English by default).
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/support/fake-i18n.ts'],
    restoreMocks: true,
    // Property tests take a second or two on an idle 2-core machine and several times that on a
    // loaded one; a correct test must not fail because the machine is busy.
    testTimeout: 30_000,
  },
});
