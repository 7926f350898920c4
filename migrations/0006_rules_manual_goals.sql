-- Rules, manual entries and goals.
-- Subjects may now be 'manual' (the label of a logged activity), and get their category from a user's rule
-- ('rule', between the user's own choice and the built-in default). SQLite cannot widen a CHECK in place:
-- the table is rebuilt (ids kept, so slot_subjects and the zone rollups stay valid; migrate.ts turns foreign
-- keys off around the migration and checks them before committing).
CREATE TABLE subjects_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('app', 'domain', 'manual')),
  name TEXT NOT NULL,
  category_id INTEGER REFERENCES categories (id),
  category_source TEXT CHECK (category_source IN ('user', 'rule', 'default')),
  UNIQUE (kind, name)
) STRICT;
INSERT INTO subjects_new (id, kind, name, category_id, category_source)
  SELECT id, kind, name, category_id, category_source FROM subjects;
DROP TABLE subjects;
ALTER TABLE subjects_new RENAME TO subjects;

-- The user's rules, tried in order of position (lowest first); the first that matches a subject decides its
-- category unless the user chose one for that subject. field 'app': match 'exact' | 'contains' | 'regex' on
-- the app name; field 'domain': 'domain' (the domain and its subdomains) | 'contains' | 'regex'; field
-- 'title': 'contains' | 'regex' on a window's title, whose time then counts as the app subject
-- '<app> — <pattern>' with the rule's category (the first matching title rule decides). Matching ignores case.
CREATE TABLE rules (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('app', 'domain', 'title')),
  match TEXT NOT NULL CHECK (match IN ('exact', 'contains', 'regex', 'domain')),
  pattern TEXT NOT NULL CHECK (length(pattern) BETWEEN 1 AND 256),
  category_id INTEGER NOT NULL REFERENCES categories (id)
) STRICT;
CREATE INDEX rules_by_position ON rules (position);

-- Activities the user logged by hand ("gym 18:00–19:00"). The label is a subject of kind 'manual', whose
-- category is the entry's; in its interval a manual entry takes precedence over everything tracked.
CREATE TABLE manual_entries (
  id INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES subjects (id),
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
  note TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX manual_entries_by_start ON manual_entries (start_ms);

-- "At most / at least X per day / week in category C", on the user's local calendar (weeks start on Monday).
CREATE TABLE goals (
  id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL REFERENCES categories (id),
  direction TEXT NOT NULL CHECK (direction IN ('at_most', 'at_least')),
  period TEXT NOT NULL CHECK (period IN ('day', 'week')),
  target_ms INTEGER NOT NULL CHECK (target_ms > 0),
  created_ms INTEGER NOT NULL
) STRICT;
