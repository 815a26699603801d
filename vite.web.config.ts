import { defineConfig } from 'vite';

// The web edition serves the renderer bundle that `electron-vite build` emits; it picks
// BrowserHost at run time because no Electron preload bridge is present.
export default defineConfig({
  build: { outDir: 'out/renderer' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
});
