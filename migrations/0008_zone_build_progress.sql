-- A zone's rollups are built in steps, each its own short transaction, so that the first report in a new zone
-- never holds the write lock (or the daemon) for seconds. built_to_slot is the first slot the build has not
-- counted yet, NULL once the zone is complete (as every zone kept so far is). Changes of the slots below it are
-- carried into the zone as they happen; the slots from it on are read by the steps still to come.
ALTER TABLE zones ADD COLUMN built_to_slot INTEGER;
