-- Time per category (NULL: subjects without one), per person and for the team (user_id NULL).
SELECT
  user_id,
  category,
  coalesce(max(productivity), 'uncategorized') AS productivity,
  sum(duration_ms) AS ms
FROM sessions
GROUP BY GROUPING SETS ((user_id, category), (category))
ORDER BY user_id NULLS LAST, ms DESC, category;
