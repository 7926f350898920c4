/** A window sample as the wire schema accepts it (app/shared/events.ts): no control characters, bounded. */
import { withoutControlCharacters } from '../shared/names.ts';
import type { WindowSample } from './active-window.ts';

const MAX_APP = 256;
const MAX_TITLE = 2048;

export function windowSample(app: string, title: string): WindowSample {
  const name = withoutControlCharacters(app).trim() || 'unknown';
  return { app: name.slice(0, MAX_APP), title: withoutControlCharacters(title).slice(0, MAX_TITLE) };
}
