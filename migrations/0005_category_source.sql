-- Where a subject's category came from: 'user' (chosen by the user, always wins) or 'default' (the built-in
-- category database in app/core/default-categories.data.ts, applied to new subjects and when it changes).
-- NULL with no category: nothing decided yet. Categories chosen before this version were the user's.
ALTER TABLE subjects ADD COLUMN category_source TEXT CHECK (category_source IN ('user', 'default'));
UPDATE subjects SET category_source = 'user' WHERE category_id IS NOT NULL;
