/**
 * Reads NDJSON as its bytes arrive: one JSON value a line (blank lines ignored), each parsed on its own, so
 * memory holds one line at a time. A line that is not valid JSON is an error naming the line and its byte.
 */
import { invalid } from '../../core/errors.ts';
import { TooLargeError } from './summary.ts';

export interface LinesOptions {
  onValue(value: unknown): void;
  onBytes?: (bytes: number) => void;
  limitBytes?: number | undefined;
}

/** Reads `input` to its end; returns the number of bytes read. */
export async function readLines(input: AsyncIterable<Uint8Array>, options: LinesOptions): Promise<number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let line = 0;
  let lineStart = 0;
  // The start of a line not ended yet, in pieces (a long line may span many chunks).
  let carry: Uint8Array[] = [];
  const take = (raw: Uint8Array, last: boolean) => {
    line++;
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      throw invalid(`line ${line} (byte ${lineStart}) is not valid UTF-8`);
    }
    if (text.trim() !== '') {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw invalid(
          `line ${line} (byte ${lineStart}) is not valid JSON${last ? ', and it is the last line: the file was probably cut short' : ''}: ${(error as Error).message}`,
        );
      }
      options.onValue(value);
    }
    lineStart += raw.length + 1;
  };
  for await (const chunk of input) {
    bytes += chunk.length;
    if (options.limitBytes !== undefined && bytes > options.limitBytes)
      throw new TooLargeError(`the file is larger than ${options.limitBytes} bytes`);
    let from = 0;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, i);
      take(carry.length > 0 ? concat([...carry, piece]) : piece, false);
      carry = [];
      from = i + 1;
    }
    if (from < chunk.length) carry.push(chunk.slice(from));
    options.onBytes?.(bytes);
  }
  if (carry.length > 0) take(concat(carry), true);
  if (bytes === 0) throw invalid('the file is empty');
  return bytes;
}

function concat(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
