-- Day of week (ISO: Monday = 1 … Sunday = 7) of each person's local day, per person and for the team
-- (user_id NULL). 1970-01-05 was a Monday.
SELECT
  user_id,
  1 + date_diff('day', DATE '1970-01-05', CAST(date AS DATE)) % 7 AS weekday,
  coalesce(productivity, 'uncategorized') AS productivity,
  sum(duration_ms) AS ms
FROM sessions
GROUP BY GROUPING SETS (
  (user_id, 1 + date_diff('day', DATE '1970-01-05', CAST(date AS DATE)) % 7, coalesce(productivity, 'uncategorized')),
  (1 + date_diff('day', DATE '1970-01-05', CAST(date AS DATE)) % 7, coalesce(productivity, 'uncategorized'))
)
ORDER BY user_id NULLS LAST, weekday, productivity;
