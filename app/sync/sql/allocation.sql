-- Total allocation by productivity, per person and for the team (user_id NULL).
-- Reads `sessions`: the session dataset's columns plus the partitions user_id and date.
SELECT
  user_id,
  coalesce(productivity, 'uncategorized') AS productivity,
  sum(duration_ms) AS ms
FROM sessions
GROUP BY GROUPING SETS ((user_id, coalesce(productivity, 'uncategorized')), (coalesce(productivity, 'uncategorized')))
ORDER BY user_id NULLS LAST, productivity;
