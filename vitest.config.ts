import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Dexie needs an IndexedDB; the background's database is tested against fake-indexeddb.
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
  },
});
