/**
 * The extension's icon, drawn at each size (no binary files in the repository): the dashboard's logo, a clock
 * (ring and two hands), white on a rounded green square. Geometry on a 24-unit grid like the logo's SVG:
 *
 *   <rect rx="5" fill="#1f9d55"/> <circle cx="12" cy="12" r="7.5" stroke-width="2.2"/> <path d="M12 7.5V12l3 2"/>
 *
 * Each pixel is sampled 8 × 8 times for smooth edges.
 */
import { encodePng } from './png.ts';

const GREEN = [0x1f, 0x9d, 0x55] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 24 - radius);
  const cy = Math.min(Math.max(y, radius), 24 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x: number, y: number, [ax, ay, bx, by]: readonly number[]): number {
  const [dx, dy] = [(bx ?? 0) - (ax ?? 0), (by ?? 0) - (ay ?? 0)];
  const t = Math.max(0, Math.min(1, ((x - (ax ?? 0)) * dx + (y - (ay ?? 0)) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ((ax ?? 0) + t * dx), y - ((ay ?? 0) + t * dy));
}

/** Coverage of the background and of the white clock at a point of the 24-unit grid. */
function sample(x: number, y: number, stroke: number): { bg: boolean; fg: boolean } {
  const bg = inRoundedSquare(x, y, 5);
  const ring = Math.abs(Math.hypot(x - 12, y - 12) - 7.5) <= stroke / 2;
  const hands =
    distanceToSegment(x, y, [12, 7.5, 12, 12]) <= stroke / 2 ||
    distanceToSegment(x, y, [12, 12, 15, 14]) <= stroke / 2;
  return { bg, fg: bg && (ring || hands) };
}

export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const n = 8;
  // Thin strokes vanish at 16 px: make them a little bolder there.
  const stroke = size <= 16 ? 2.8 : size <= 32 ? 2.4 : 2.2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const s = sample(((px + (sx + 0.5) / n) * 24) / size, ((py + (sy + 0.5) / n) * 24) / size, stroke);
          if (s.bg) bg++;
          if (s.fg) fg++;
        }
      }
      const alpha = bg / (n * n);
      const white = bg > 0 ? fg / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(GREEN[c]! * (1 - white) + WHITE[c]! * white);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}
