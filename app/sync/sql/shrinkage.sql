-- Top shrinkage: the apps, sites and activities whose time went to unproductive categories (the dashboard's
-- "Top shrinkage"), 10 per person and for the team (user_id NULL).
WITH totals AS (
  SELECT user_id, subject_kind, subject, max(category) AS category, sum(duration_ms) AS ms
  FROM sessions
  WHERE productivity = 'unproductive'
  GROUP BY GROUPING SETS ((user_id, subject_kind, subject), (subject_kind, subject))
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY user_id ORDER BY ms DESC, subject) AS place FROM totals
)
SELECT user_id, place, subject_kind, subject, category, ms FROM ranked WHERE place <= 10
ORDER BY user_id NULLS LAST, place;
