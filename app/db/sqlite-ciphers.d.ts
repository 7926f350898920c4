/**
 * better-sqlite3-multiple-ciphers has better-sqlite3's API, and ships an index.d.ts that its package.json's
 * "exports" does not name, so TypeScript (NodeNext) cannot find it: its types are better-sqlite3's, from
 * @types/better-sqlite3. The cipher is chosen and keyed with pragmas (app/db/cipher.ts), which need no types.
 */
declare module 'better-sqlite3-multiple-ciphers' {
  // An `export =` module is re-exported only through this form inside an ambient declaration.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  import Database = require('better-sqlite3');
  export = Database;
}
