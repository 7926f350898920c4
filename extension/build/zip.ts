/**
 * The store upload: the files of a folder, sorted, zipped with fflate at a fixed date, so that the same build
 * gives the same archive.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const FIXED_DATE = new Date(1980, 0, 1);

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
    });
}

export function zipDirectory(dir: string, outFile: string): number {
  const files = filesUnder(dir);
  const entries: Zippable = {};
  for (const name of files)
    entries[name] = [readFileSync(path.join(dir, name)), { level: 9, mtime: FIXED_DATE }];
  writeFileSync(outFile, zipSync(entries));
  return files.length;
}
