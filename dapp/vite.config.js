// The AllSpark Market: a static single-page app (dapp/web) built into dapp/dist.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: './',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // @polkadot/api and its WASM crypto are one large chunk; the size is reported, not hidden.
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
