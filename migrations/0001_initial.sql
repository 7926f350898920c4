-- Time Audit schema, version 1.
-- Times are integer epoch milliseconds, UTC. Raw events keep what was observed; everything else is derived.

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  productivity TEXT NOT NULL CHECK (productivity IN ('productive', 'neutral', 'unproductive'))
) STRICT;

-- A subject is what time is counted against: an app name or a domain. Its category applies to all of its
-- time, past and future, without rewriting any event.
CREATE TABLE subjects (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('app', 'domain')),
  name TEXT NOT NULL,
  category_id INTEGER REFERENCES categories (id),
  UNIQUE (kind, name)
) STRICT;

CREATE TABLE window_events (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  app TEXT NOT NULL,
  title TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
  origin TEXT NOT NULL CHECK (origin IN ('tracker', 'api'))
) STRICT;
CREATE INDEX window_events_by_start ON window_events (start_ms);

CREATE TABLE browser_events (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL,
  domain TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
  duration_ms INTEGER NOT NULL,
  reason_closed TEXT NOT NULL,
  received_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX browser_events_by_start ON browser_events (start_ms);

CREATE TABLE idle_events (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
  origin TEXT NOT NULL CHECK (origin IN ('tracker', 'api'))
) STRICT;
CREATE INDEX idle_events_by_start ON idle_events (start_ms);

-- The longest event of each source, so that "events overlapping [a, b)" is an index range on start_ms:
-- start_ms >= a - longest_ms AND start_ms < b AND end_ms > a.
CREATE TABLE source_extents (
  source TEXT PRIMARY KEY CHECK (source IN ('window', 'browser', 'idle')),
  longest_ms INTEGER NOT NULL
) STRICT;

-- Resolved time per 15-minute UTC slot (slot = floor(ms / 900000)) and subject.
CREATE TABLE slot_subjects (
  slot INTEGER NOT NULL,
  subject_id INTEGER NOT NULL REFERENCES subjects (id),
  ms INTEGER NOT NULL CHECK (ms > 0 AND ms <= 900000),
  PRIMARY KEY (slot, subject_id)
) STRICT, WITHOUT ROWID;
-- Recategorizing a subject moves its time between categories in the zone rollups below.
CREATE INDEX slot_subjects_by_subject ON slot_subjects (subject_id, slot);

-- Zones whose local-calendar rollups are kept: built on first use from slot_subjects, then kept up to date.
CREATE TABLE zones (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_used_ms INTEGER NOT NULL
) STRICT;

-- Per zone, per level (1 day, 2 month, 3 year) and bucket (day number, year*12+month-1, year) on the local
-- calendar: time per subject ...
CREATE TABLE zone_subjects (
  zone_id INTEGER NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
  bucket INTEGER NOT NULL,
  subject_id INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  PRIMARY KEY (zone_id, level, bucket, subject_id)
) STRICT, WITHOUT ROWID;

-- ... and time per local weekday, hour and category (0 = none), for the time-of-day and day-of-week views.
CREATE TABLE zone_hours (
  zone_id INTEGER NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
  bucket INTEGER NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  category_id INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  PRIMARY KEY (zone_id, level, bucket, weekday, hour, category_id)
) STRICT, WITHOUT ROWID;
