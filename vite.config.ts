import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `BENCH_PAGES=1 vite build` adds the bench-only pages (bench/*.html) to a separate output.
const benchPages = process.env.BENCH_PAGES === '1';

export default defineConfig({
  plugins: [react()],
  build: benchPages
    ? {
        outDir: 'dist-bench',
        rollupOptions: { input: { main: 'index.html', bare: 'bench/bare-flow.html' } },
      }
    : {},
  test: {
    globals: true,
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./src/test/setup.ts'],
    // CLI tests start real processes; on a busy 2-core CI machine they can take seconds each.
    testTimeout: 30_000,
  },
});
