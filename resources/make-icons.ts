/**
 * Draws the desktop app's icons into resources/ (run `node resources/make-icons.ts`; the outputs are
 * committed, since electron-builder and the tray read them as files):
 *
 *   icon.png                          the app icon, 512 px: the extension's clock logo
 *   tray/tray-<state>.png, @2x        Linux tray, 22 / 44 px, in colour
 *   tray/tray-<state>Template.png, @2x  macOS menu bar, 16 / 32 px, black + alpha (the system tints it)
 *   tray/tray-<state>.ico             Windows tray, 16 / 24 / 32 / 48 px PNGs in one .ico
 *
 * States, on a 24-unit grid: a disc with a white glyph cut out of it.
 *
 *   tracking: green disc, clock hands     paused: amber disc, two bars     error: red disc, "!"
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from '../extension/build/png.ts';
import { drawIcon } from '../extension/build/icons.ts';

type State = 'tracking' | 'paused' | 'error';
type Rgb = readonly [number, number, number];

const COLOUR: Record<State, Rgb> = {
  tracking: [0x1f, 0x9d, 0x55],
  paused: [0xd9, 0x8e, 0x04],
  error: [0xd1, 0x34, 0x38],
};

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Whether a point of the 24-unit grid is on the state's glyph. */
function onGlyph(state: State, x: number, y: number, stroke: number): boolean {
  const half = stroke / 2;
  if (state === 'tracking')
    return (
      distanceToSegment(x, y, 12, 6.5, 12, 12) <= half || distanceToSegment(x, y, 12, 12, 16, 14.5) <= half
    );
  if (state === 'paused')
    return (
      distanceToSegment(x, y, 9.5, 7.5, 9.5, 16.5) <= half ||
      distanceToSegment(x, y, 14.5, 7.5, 14.5, 16.5) <= half
    );
  return distanceToSegment(x, y, 12, 6.5, 12, 13) <= half || Math.hypot(x - 12, y - 17) <= half;
}

/** One state at one size: colour disc and white glyph, or (template) black disc with the glyph cut out. */
export function drawTrayIcon(state: State, size: number, template: boolean): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const n = 8;
  const stroke = size <= 16 ? 3.2 : size <= 24 ? 3 : 2.6;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let disc = 0;
      let glyph = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) * 24) / size;
          const y = ((py + (sy + 0.5) / n) * 24) / size;
          if (Math.hypot(x - 12, y - 12) > 11) continue;
          disc++;
          if (onGlyph(state, x, y, stroke)) glyph++;
        }
      }
      const i = (py * size + px) * 4;
      if (template) {
        rgba[i + 3] = Math.round(((disc - glyph) / (n * n)) * 255);
      } else {
        const white = disc > 0 ? glyph / disc : 0;
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(COLOUR[state][c]! * (1 - white) + 255 * white);
        rgba[i + 3] = Math.round((disc / (n * n)) * 255);
      }
    }
  }
  return encodePng(size, size, rgba);
}

/** An .ico holding PNG images (Windows Vista and later read PNG entries). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, k) => {
    const e = 6 + 16 * k;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const STATES: State[] = ['tracking', 'paused', 'error'];

function main(): void {
  const out = new URL('./', import.meta.url);
  const tray = new URL('tray/', out);
  mkdirSync(tray, { recursive: true });
  writeFileSync(new URL('icon.png', out), drawIcon(512));
  for (const state of STATES) {
    const stem = `tray-${state}`;
    writeFileSync(new URL(`${stem}.png`, tray), drawTrayIcon(state, 22, false));
    writeFileSync(new URL(`${stem}@2x.png`, tray), drawTrayIcon(state, 44, false));
    writeFileSync(new URL(`${stem}Template.png`, tray), drawTrayIcon(state, 16, true));
    writeFileSync(new URL(`${stem}Template@2x.png`, tray), drawTrayIcon(state, 32, true));
    const ico = [16, 24, 32, 48].map((size) => ({ size, png: drawTrayIcon(state, size, false) }));
    writeFileSync(new URL(`${stem}.ico`, tray), encodeIco(ico));
  }
}

if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) main();
