/**
 * Learned category suggestions: the classifier of core/classifier.ts, trained on the user's own assignments
 * (subjects categorized by the user or by one of the user's rules; not the built-in defaults, which are not
 * the user's word), proposes a category for each subject that has none and had time in the last 30 days.
 * Nothing here writes: a suggestion is only applied when the user accepts it (PUT .../category).
 *
 * A title rule's subject ("Code — jira") is learned from as the words of its pattern alone: the rule says
 * that windows titled so belong in its category, not that the app does. Such a subject is never suggested
 * for: while its rule exists it has the rule's category (or the user's), and once the rule is gone no time
 * counts as it any more.
 *
 * The model is trained once and kept until a categorization changes (Categories.changeCount), a subject is
 * added, or another connection writes to the database; an app's titles are read from its most recent window
 * events, a bounded number of rows whatever the size of the history.
 */
import type { Suggestion } from '../shared/planning.ts';
import type { Productivity } from '../shared/report.ts';
import { isBrowserApp } from '../core/browsers.ts';
import { NaiveBayes, subjectFeatures, worthSuggesting } from '../core/classifier.ts';
import { DAY_MS } from '../core/time.ts';
import type { DB } from './open.ts';

/** How far back a subject's time counts for whether (and in which order) it is worth a suggestion. */
export const RECENT_MS = 30 * DAY_MS;
export const MAX_SUGGESTIONS = 20;
/** Distinct window titles kept per app ... */
const TITLES_PER_APP = 50;
/** ... out of at most this many of the latest window events (about three months of a working week). */
const TITLE_SCAN_ROWS = 50_000;
const SLOT_MS = 900_000;

/**
 * Undecided subjects with their time since slot ?, through slot_subjects_by_subject (a few slots for each).
 * An explicit "no category" from the user is a choice, not a gap to fill: those are left out.
 */
export const CANDIDATES_SQL = `SELECT kind, name,
    (SELECT coalesce(sum(ms), 0) FROM slot_subjects WHERE subject_id = subjects.id AND slot >= ?) AS recent_ms
  FROM subjects
  WHERE category_id IS NULL AND category_source IS NULL AND kind IN ('app', 'domain')`;

/** The latest ? window events, newest first, through window_events_by_start. */
export const TITLES_SQL = `SELECT app, title FROM window_events ORDER BY start_ms DESC LIMIT ?`;

interface SubjectRow {
  kind: 'app' | 'domain';
  name: string;
}

interface Model {
  key: string;
  classifier: NaiveBayes<number>;
  titles: Map<string, string[]>;
}

/**
 * A browser's own time is what its domains do not cover; its titles name every site there is. Neither a
 * category for it nor learning from it would mean anything.
 */
const learnable = (s: SubjectRow): boolean => s.kind === 'domain' || !isBrowserApp(s.name);

export class Suggestions {
  private readonly db: DB;
  private readonly changeCount: () => number;
  private readonly titlePatternOf: (name: string) => string | null;
  private readonly stmts;
  private model: Model | null = null;

  /**
   * `changeCount` grows with every change of a subject's category (Categories.changeCount); `titlePatternOf`
   * gives the pattern of the title rule whose subject an app name is, if any (Rules.titlePatternOf).
   */
  constructor(
    db: DB,
    changeCount: () => number,
    titlePatternOf: (name: string) => string | null = () => null,
  ) {
    this.db = db;
    this.changeCount = changeCount;
    this.titlePatternOf = titlePatternOf;
    this.stmts = {
      lastSubject: db.prepare(`SELECT max(id) FROM subjects`).pluck(),
      training: db.prepare(
        `SELECT kind, name, category_id FROM subjects
         WHERE category_source IN ('user', 'rule') AND category_id IS NOT NULL AND kind IN ('app', 'domain')`,
      ),
      candidates: db.prepare(CANDIDATES_SQL),
      titles: db.prepare(TITLES_SQL),
      categories: db.prepare(`SELECT id, name, productivity FROM categories`),
    };
  }

  /**
   * The suggestions now: for each uncategorized subject with recent time, the most likely category when the
   * classifier finds it worth suggesting (core/classifier.ts: likely enough, on evidence of its own); the
   * subjects with the most recent time first.
   */
  list(nowMs: number): Suggestion[] {
    const model = this.current();
    if (model.classifier.labels < 2) return []; // one category learned would be suggested for everything
    const categories = new Map(
      (this.stmts.categories.all() as Array<{ id: number; name: string; productivity: Productivity }>).map(
        (c) => [c.id, c],
      ),
    );
    const fromSlot = Math.floor((nowMs - RECENT_MS) / SLOT_MS);
    const out: Suggestion[] = [];
    for (const s of this.stmts.candidates.all(fromSlot) as Array<SubjectRow & { recent_ms: number }>) {
      if (s.recent_ms <= 0 || !learnable(s)) continue;
      const p = model.classifier.predict(subjectFeatures(s.kind, s.name, model.titles.get(s.name)));
      if (!p || !worthSuggesting(p)) continue;
      const category = categories.get(p.label);
      if (!category) continue;
      out.push({
        kind: s.kind,
        name: s.name,
        category: category.name,
        productivity: category.productivity,
        confidence: Math.round(p.probability * 1000) / 1000,
        recent_ms: s.recent_ms,
      });
    }
    out.sort((a, b) => b.recent_ms - a.recent_ms || a.name.localeCompare(b.name));
    return out.slice(0, MAX_SUGGESTIONS);
  }

  /** Drops the model, after a purge removed subjects and titles it was trained on. */
  forget(): void {
    this.model = null;
  }

  /** The trained model, trained again only when what it learns from may have changed. */
  private current(): Model {
    const key = [
      this.changeCount(),
      this.stmts.lastSubject.get() ?? 0,
      this.db.pragma('data_version', { simple: true }),
    ].join(':');
    if (this.model?.key !== key) {
      const titles = this.recentTitles();
      const examples = (this.stmts.training.all() as Array<SubjectRow & { category_id: number }>)
        .filter(learnable)
        .map((s) => {
          const pattern = s.kind === 'app' ? this.titlePatternOf(s.name) : null;
          return {
            features:
              pattern === null
                ? subjectFeatures(s.kind, s.name, titles.get(s.name))
                : subjectFeatures('app', pattern),
            label: s.category_id,
          };
        });
      this.model = { key, classifier: NaiveBayes.train(examples), titles };
    }
    return this.model;
  }

  /** Up to TITLES_PER_APP distinct titles per app, the most recent first. */
  private recentTitles(): Map<string, string[]> {
    const seen = new Map<string, Set<string>>();
    for (const { app, title } of this.stmts.titles.iterate(TITLE_SCAN_ROWS) as Iterable<{
      app: string;
      title: string;
    }>) {
      let set = seen.get(app);
      if (!set) seen.set(app, (set = new Set()));
      if (set.size < TITLES_PER_APP) set.add(title);
    }
    return new Map([...seen].map(([app, set]) => [app, [...set]]));
  }
}
