/**
 * What the user typed in the pairing form: a port and a token, or the dashboard link that `timeaudit serve`
 * prints (`http://127.0.0.1:47600/#token=…`), which holds both.
 */
import { DEFAULT_PORT } from '../config.ts';

export type PairingInput = { ok: true; port: number; token: string } | { ok: false; error: string };

export function parsePairingInput(portField: string, tokenField: string): PairingInput {
  let token = tokenField.trim();
  let portText = portField.trim() || String(DEFAULT_PORT);
  const link = /^https?:\/\/(?:127\.0\.0\.1|localhost)(?::(\d+))?\/?[^#]*#(?:.*&)?token=([^&\s]+)/i.exec(
    token,
  );
  if (link) {
    portText = link[1] ?? '80';
    token = decodeURIComponent(link[2] ?? '');
  }
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65_535) {
    return { ok: false, error: 'The port is a number from 1 to 65535 (47600 unless you chose another).' };
  }
  if (!token) return { ok: false, error: 'Paste the token that “timeaudit token” prints.' };
  if (/\s/.test(token)) return { ok: false, error: 'A token has no spaces; copy it again.' };
  return { ok: true, port: Number(portText), token };
}
