// The extension's build: the service worker and the popup (two entries, shared code in chunks/), the manifest
// and the icons, into extension/dist (load it unpacked), then zipped for the store.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { drawIcon } from './build/icons.ts';
import { zipDirectory } from './build/zip.ts';
import { ICON_SIZES, manifest } from './manifest.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('./dist');
export const ZIP = here('./time-audit-extension.zip');

function extensionFiles(): Plugin {
  return {
    name: 'time-audit-extension-files',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
      for (const size of ICON_SIZES) {
        this.emitFile({ type: 'asset', fileName: `icons/icon-${size}.png`, source: drawIcon(size) });
      }
    },
    writeBundle() {
      const files = zipDirectory(OUT, ZIP);
      this.info(`zipped ${files} files into ${ZIP}`);
    },
  };
}

export default defineConfig({
  root: here('./src'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [extensionFiles()],
  build: {
    outDir: OUT,
    emptyOutDir: true,
    target: 'chrome120',
    // Readable output for the store's review; the files are small.
    minify: false,
    // Extension pages allow no inline script: no preload polyfill, every asset a file of its own.
    modulePreload: false,
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { popup: here('./src/popup/popup.html'), background: here('./src/worker/background.ts') },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
});
