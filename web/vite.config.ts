import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';

/**
 * Element Plus is imported per component (the resolver adds each used component and its
 * CSS), so the first screen carries only what it shows. The Nest server serves dist/ at `/`;
 * `npm run dev -w web` is not needed: build and reload.
 */
export default defineConfig({
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or data-URL modules: the server's CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
    // bench/console.bench.ts reads it to size the first screen.
    manifest: true,
  },
});
