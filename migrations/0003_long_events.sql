-- Events longer than a day (a two-week holiday away, a window left focused over a weekend) are listed here
-- as well, so that reading the events overlapping a range looks back at most one day through the start_ms
-- indexes and takes the few long ones from this small table. Without it, one long event would make every
-- later range read look back as far as that event is long. Kept by triggers, whatever writes the events.
CREATE TABLE long_events (
  source TEXT NOT NULL CHECK (source IN ('window', 'browser', 'idle')),
  event_id INTEGER NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  PRIMARY KEY (source, event_id)
) STRICT;
CREATE INDEX long_events_by_start ON long_events (source, start_ms);

CREATE TRIGGER window_events_long_insert AFTER INSERT ON window_events WHEN NEW.end_ms - NEW.start_ms > 86400000
BEGIN
  INSERT INTO long_events (source, event_id, start_ms, end_ms) VALUES ('window', NEW.id, NEW.start_ms, NEW.end_ms);
END;
CREATE TRIGGER window_events_long_update AFTER UPDATE OF start_ms, end_ms ON window_events
BEGIN
  DELETE FROM long_events WHERE source = 'window' AND event_id = OLD.id;
  INSERT INTO long_events (source, event_id, start_ms, end_ms)
    SELECT 'window', NEW.id, NEW.start_ms, NEW.end_ms WHERE NEW.end_ms - NEW.start_ms > 86400000;
END;
CREATE TRIGGER window_events_long_delete AFTER DELETE ON window_events
BEGIN
  DELETE FROM long_events WHERE source = 'window' AND event_id = OLD.id;
END;
INSERT INTO long_events (source, event_id, start_ms, end_ms)
  SELECT 'window', id, start_ms, end_ms FROM window_events WHERE end_ms - start_ms > 86400000;

CREATE TRIGGER browser_events_long_insert AFTER INSERT ON browser_events WHEN NEW.end_ms - NEW.start_ms > 86400000
BEGIN
  INSERT INTO long_events (source, event_id, start_ms, end_ms) VALUES ('browser', NEW.id, NEW.start_ms, NEW.end_ms);
END;
CREATE TRIGGER browser_events_long_update AFTER UPDATE OF start_ms, end_ms ON browser_events
BEGIN
  DELETE FROM long_events WHERE source = 'browser' AND event_id = OLD.id;
  INSERT INTO long_events (source, event_id, start_ms, end_ms)
    SELECT 'browser', NEW.id, NEW.start_ms, NEW.end_ms WHERE NEW.end_ms - NEW.start_ms > 86400000;
END;
CREATE TRIGGER browser_events_long_delete AFTER DELETE ON browser_events
BEGIN
  DELETE FROM long_events WHERE source = 'browser' AND event_id = OLD.id;
END;
INSERT INTO long_events (source, event_id, start_ms, end_ms)
  SELECT 'browser', id, start_ms, end_ms FROM browser_events WHERE end_ms - start_ms > 86400000;

CREATE TRIGGER idle_events_long_insert AFTER INSERT ON idle_events WHEN NEW.end_ms - NEW.start_ms > 86400000
BEGIN
  INSERT INTO long_events (source, event_id, start_ms, end_ms) VALUES ('idle', NEW.id, NEW.start_ms, NEW.end_ms);
END;
CREATE TRIGGER idle_events_long_update AFTER UPDATE OF start_ms, end_ms ON idle_events
BEGIN
  DELETE FROM long_events WHERE source = 'idle' AND event_id = OLD.id;
  INSERT INTO long_events (source, event_id, start_ms, end_ms)
    SELECT 'idle', NEW.id, NEW.start_ms, NEW.end_ms WHERE NEW.end_ms - NEW.start_ms > 86400000;
END;
CREATE TRIGGER idle_events_long_delete AFTER DELETE ON idle_events
BEGIN
  DELETE FROM long_events WHERE source = 'idle' AND event_id = OLD.id;
END;
INSERT INTO long_events (source, event_id, start_ms, end_ms)
  SELECT 'idle', id, start_ms, end_ms FROM idle_events WHERE end_ms - start_ms > 86400000;

-- The look-back through the start_ms indexes is now at most one day.
UPDATE source_extents SET longest_ms = min(longest_ms, 86400000);
