-- Category names are unique ignoring case in every script, compared as the app compares them
-- (app/shared/names.ts: Unicode full case folding after NFC), so "Été" and "été", "K" (the Kelvin sign) and
-- "k" are one name. The NOCASE collation folded only A–Z: the app and the schema disagreed, and a rename the
-- app allowed failed on the unique index (a 500). name_key holds the name as the app folds it, unique; the app
-- writes it with every name. SQL cannot fold like the app: fold_name() is the app's own function, registered
-- on the connection by migrate.ts for the migrations; no constraint, index or trigger calls it, so any SQLite
-- tool can still read and write the file.
-- Names that NOCASE let in twice (possible only through that bug) keep the oldest as it was; the others get
-- " (2)", " (3)"… so that nothing is merged and no category, rule, goal or rollup loses its own.
-- The table is rebuilt (ids kept, as 0006 did for subjects) to drop the NOCASE index.
CREATE TABLE categories_new (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  productivity TEXT NOT NULL CHECK (productivity IN ('productive', 'neutral', 'unproductive'))
) STRICT;
INSERT INTO categories_new (id, name, name_key, productivity)
  SELECT id, name, fold_name(name), productivity
  FROM (
    SELECT id, CASE WHEN n = 1 THEN name ELSE name || ' (' || n || ')' END AS name, productivity
    FROM (
      SELECT id, name, productivity, row_number() OVER (PARTITION BY fold_name(name) ORDER BY id) AS n
      FROM categories
    )
  );
DROP TABLE categories;
ALTER TABLE categories_new RENAME TO categories;
