/**
 * Reads a JSON document as its bytes arrive (@streamparser/json), handing over only the values at the paths
 * asked for and forgetting them once handed over, so memory stays flat whatever the file's size. When the
 * document is not valid JSON, or ends before it is complete, the error says where: the byte offset, and the
 * line and column (1-based) when the break is in the last bytes read, which is where it nearly always is.
 */
import { TooLargeError } from './summary.ts';
import { Tokenizer, TokenParser, TokenType, type ParsedElementInfo } from '@streamparser/json';
import { DomainError, invalid } from '../../core/errors.ts';

export interface JsonStreamOptions {
  /** JSONPath-like selectors of the values to hand over, e.g. `$.buckets.*.events.*`. */
  paths: string[];
  onValue(info: ParsedElementInfo): void;
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytes: number) => void;
  /** More bytes than this is an error (the body limit of an upload). */
  limitBytes?: number;
}

/** Counts lines as bytes go by, to say where a byte offset is. */
class Where {
  private linesBefore = 0;
  private lastNewlineBefore = -1;
  private chunkStart = 0;
  private chunk: Uint8Array = new Uint8Array(0);

  next(chunk: Uint8Array): void {
    for (let i = this.chunk.indexOf(10); i >= 0; i = this.chunk.indexOf(10, i + 1)) {
      this.linesBefore++;
      this.lastNewlineBefore = this.chunkStart + i;
    }
    this.chunkStart += this.chunk.length;
    this.chunk = chunk;
  }

  /** "byte 1234 (line 5, column 7)", or just the byte when it lies before the chunk being read. */
  describe(offset: number): string {
    if (offset < this.chunkStart) return `byte ${offset}`;
    let line = this.linesBefore;
    let lastNewline = this.lastNewlineBefore;
    for (let i = 0; i < offset - this.chunkStart && i < this.chunk.length; i++) {
      if (this.chunk[i] === 10) {
        line++;
        lastNewline = this.chunkStart + i;
      }
    }
    return `byte ${offset} (line ${line + 1}, column ${offset - lastNewline})`;
  }
}

export { TooLargeError };

/**
 * How deeply a document may nest. Exports nest six levels or so; the parser's work per value grows with the
 * depth, so a document of thousands of nested brackets would take it minutes.
 */
export const MAX_DEPTH = 64;

/**
 * Reads `input` to its end; returns the number of bytes read. Throws DomainError('invalid') for a document
 * that is not valid JSON or ends early, TooLargeError past `limitBytes`. An error thrown by `onValue` stops
 * the reading and is thrown as it is.
 */
export async function readJsonStream(
  input: AsyncIterable<Uint8Array>,
  options: JsonStreamOptions,
): Promise<number> {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: options.paths, keepStack: false });
  const where = new Where();
  let lastTokenOffset = 0;
  let failure: unknown = null;
  let depth = 0;
  tokenizer.onToken = (token) => {
    lastTokenOffset = token.offset;
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
      if (++depth > MAX_DEPTH)
        throw invalid(`the file nests deeper than ${MAX_DEPTH} levels at ${where.describe(token.offset)}`);
    } else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) depth--;
    parser.write(token);
  };
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onError = (error) => tokenizer.error(error);
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  parser.onValue = (info) => {
    if (failure !== null) return;
    try {
      options.onValue(info);
    } catch (error) {
      failure = error;
    }
  };

  let bytes = 0;
  const broke = (error: unknown): DomainError => {
    const message = (error as Error).message;
    const at = /absolute position "(\d+)"/.exec(message);
    const offset = at ? Number(at[1]) : lastTokenOffset;
    const what = message.replace(/ at chunk position.*?\)"?/, '').replace(/ in state \w+$/, '');
    return invalid(`the file is not valid JSON at ${where.describe(offset)}: ${what}`);
  };
  for await (const chunk of input) {
    bytes += chunk.length;
    if (options.limitBytes !== undefined && bytes > options.limitBytes)
      throw new TooLargeError(`the file is larger than ${options.limitBytes} bytes`);
    where.next(chunk);
    try {
      tokenizer.write(chunk);
    } catch (error) {
      if (failure !== null) throw failure;
      if (error instanceof DomainError) throw error;
      throw broke(error);
    }
    if (failure !== null) throw failure;
    options.onBytes?.(bytes);
  }
  if (!tokenizer.isEnded || !parser.isEnded) {
    // Not a whole document: the file was cut short (or is empty).
    throw invalid(
      bytes === 0
        ? 'the file is empty'
        : `the file ends early, at ${where.describe(bytes)}: it was cut short or is not complete`,
    );
  }
  return bytes;
}
