-- Slot ranges whose rollups are not yet up to date. An ingest stores its raw events and these ranges in one
-- transaction; the rollups are refreshed a moment later for many batches at once, and always before a report
-- reads them (in any process), so a crash or a second process never sees stale figures.
CREATE TABLE pending_slots (
  id INTEGER PRIMARY KEY,
  from_slot INTEGER NOT NULL,
  to_slot INTEGER NOT NULL CHECK (to_slot > from_slot)
) STRICT;
