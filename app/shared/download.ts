/**
 * A file an API call answers instead of JSON (an export): the bytes as they are made, so that years of data
 * never sit in memory at once, with the type and the name the browser saves it under. The daemon's routes
 * stream `body`; the client hands the caller a Blob and the name.
 */
export interface Download {
  body: AsyncIterable<Uint8Array>;
  contentType: string;
  fileName: string;
}

/** What a client receives for a Download. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export function isDownload(value: unknown): value is Download {
  const v = value as Partial<Download> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.contentType === 'string' &&
    typeof v.fileName === 'string' &&
    typeof (v.body as AsyncIterable<Uint8Array> | undefined)?.[Symbol.asyncIterator] === 'function'
  );
}

/** The file name out of a Content-Disposition header, or null. */
export function fileNameOf(contentDisposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(contentDisposition ?? '')?.[1] ?? null;
}
