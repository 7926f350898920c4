-- The 10 domains with the most time, per person and for the team (user_id NULL).
WITH totals AS (
  SELECT user_id, subject AS domain, max(category) AS category, sum(duration_ms) AS ms
  FROM sessions
  WHERE subject_kind = 'domain'
  GROUP BY GROUPING SETS ((user_id, subject), (subject))
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY user_id ORDER BY ms DESC, domain) AS place FROM totals
)
SELECT user_id, place, domain, category, ms FROM ranked WHERE place <= 10
ORDER BY user_id NULLS LAST, place;
