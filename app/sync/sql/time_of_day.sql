-- Time of day: each session cut at the hours of the engine's session time zone, per person and for the team
-- (user_id NULL). A session is at most a local day long (each day is its own partition), so it touches at most
-- 25 hours: offsets 0..24 from the hour it starts in.
WITH pieces AS (
  SELECT
    s.user_id,
    coalesce(s.productivity, 'uncategorized') AS productivity,
    s.start_ts,
    s.end_ts,
    date_trunc('hour', s.start_ts) + h.k * INTERVAL '1' HOUR AS hour_start
  FROM sessions AS s
  CROSS JOIN (
    VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24)
  ) AS h (k)
),
cut AS (
  SELECT
    user_id,
    productivity,
    hour(hour_start) AS hour,
    date_diff('millisecond', greatest(start_ts, hour_start), least(end_ts, hour_start + INTERVAL '1' HOUR)) AS ms
  FROM pieces
  WHERE hour_start < end_ts
)
SELECT user_id, hour, productivity, sum(ms) AS ms
FROM cut
GROUP BY GROUPING SETS ((user_id, hour, productivity), (hour, productivity))
ORDER BY user_id NULLS LAST, hour, productivity;
