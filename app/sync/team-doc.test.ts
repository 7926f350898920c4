/**
 * docs/team.md gives Athena/Trino, Spark and Foundry the very SQL the team report runs in DuckDB (and that
 * sync.test.ts checks against each person's own report): each view file, whole, in a SQL block of the doc.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VIEWS, viewSql } from './team-report.ts';

const DOC = readFileSync(new URL('../../docs/team.md', import.meta.url), 'utf8');
const sqlBlocks = [...DOC.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/team.md', () => {
  it.each(VIEWS)('holds %s.sql as it is', (view) => {
    expect(sqlBlocks).toContain(viewSql(view));
  });
});
