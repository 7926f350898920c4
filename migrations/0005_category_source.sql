-- Where a subject's category came from: 'user' (chosen by the user, always wins) or 'default' (the built-in
-- category database in app/db/default-categories.json, applied to new subjects and when it changes).
-- NULL with no category: nothing decided yet.
ALTER TABLE subjects ADD COLUMN category_source TEXT CHECK (category_source IN ('user', 'default'));
-- Every category a subject had before this version was the user's, "no category" included: there were no
-- defaults, and a subject set to a category and then back to none was stored exactly like one never set (a
-- NULL category_id), so the two cannot be told apart. The first version of this migration marked only the
-- subjects with a category, and the defaults then overwrote every explicit "none" on the first start.
-- Changed in place (migrations are otherwise append-only) because the information exists only in a database
-- that has not run this migration yet: a later migration could no longer tell these subjects from new ones.
-- The cost: subjects seen before the upgrade keep what they had (none included) until the user picks a
-- category or resets the subject to its rule or default; neither rules nor suggestions touch them, as for any
-- choice of the user's. Subjects first seen afterwards get their rule's or default category as usual.
UPDATE subjects SET category_source = 'user';
