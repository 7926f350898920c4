/**
 * The store: the one place that writes. Every write is one transaction that stores raw events and marks the
 * slots they touch as pending. Rollups are brought up to date a moment later, for many writes at once (see
 * rollups.ts), and always before a report reads them, so a report never sees an event without its rollup.
 */
import type { BrowserEvent, EventSource, IdleEvent, WindowEvent } from '../shared/events.ts';
import type { Category, Productivity, Report, SubjectKind, Timeline } from '../shared/report.ts';
import type { CategoryDeletion, Deleted, RulePreview, SubjectCategory } from '../shared/api/index.ts';
import type { Goal, GoalProgress, ManualEntry, Rule, Suggestion } from '../shared/planning.ts';
import { changedIntervals } from '../core/slots.ts';
import type { Interval } from '../core/resolve.ts';
import { Categories, type CategoryChange } from './categories.ts';
import { PlanRows, UndoLog } from './deletions.ts';
import { previewRule, type RulePreviewInput } from './rule-preview.ts';
import { foldName } from '../shared/names.ts';
import { EventTables, type Replaced } from './events.ts';
import { SessionExports, type SessionQuery, type SessionRecord } from './export-sessions.ts';
import { RawExports, type RawQuery, type RawRecord } from './export-raw.ts';
import { Goals, type GoalChange, type GoalInput } from './goals.ts';
import { ManualEntries, type ManualEntryChange, type ManualEntryInput } from './manual.ts';
import { userVersion } from './migrate.ts';
import { openDatabase, type DB } from './open.ts';
import { SlotRollup } from './rollups.ts';
import { Reports, type ReportQuery } from './report.ts';
import { Rules, type RuleChange, type RuleInput } from './rules.ts';
import { RECENT_MS, Suggestions } from './suggestions.ts';
import { Purges, type PurgeOutcome, type PurgeSelector, type PurgeSummary } from './purge.ts';
import { scrubDatabase, type Scrubbed } from './scrub.ts';
import { Retention, type RetentionCutoffs, type RetentionPreview, type RetentionStep } from './retention.ts';
import { DAY_MS, SLOT_MS } from '../core/time.ts';
import { Subjects } from './subjects.ts';
import { subjectAppIds } from './subject-app-ids.ts';
import { Timelines } from './timeline.ts';
import { Drilldowns } from './drill.ts';
import type { DayTotal, TitleTotal } from '../shared/drill.ts';
import { zoneFor } from '../core/zone.ts';
import { ZoneRollups, type BuildProgress } from './zones.ts';
import { RollupUpkeep, type ZoneBuilds } from './upkeep.ts';
import { DEFAULT_CATEGORY_DB } from './default-categories.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { isDomainError } from '../core/errors.ts';
import { diskFullError, isDiskFull } from './disk-full.ts';
import { NO_REDACTION, type TitleRedaction } from '../core/redaction.ts';

export type {
  RetentionCutoffs,
  RetentionPreview,
  RetentionStep,
  PurgeOutcome,
  PurgeSelector,
  PurgeSummary,
  Scrubbed,
  ReportQuery,
  SessionQuery,
  SessionRecord,
  RawQuery,
  RawRecord,
  ManualEntryInput,
  ManualEntryChange,
  GoalInput,
  GoalChange,
  RuleInput,
  RuleChange,
};

export interface IngestOutcome {
  accepted: number;
  duplicates: number;
}

export interface StoreOptions {
  /** Path of the SQLite file, or ':memory:'. */
  file: string;
  /** The key of an encrypted file (app/db/cipher.ts); null or absent for a plain one. */
  key?: Buffer | null;
  now?: () => number;
  /** How long after a write the rollups are refreshed (writes in between are refreshed together). */
  refreshDelayMs?: number;
  log?: Logger;
  /**
   * How a read that needs a zone's summaries not built yet gets them: 'inline' builds them first (the CLI; the
   * default), 'background' builds them in steps between requests and answers from the slots meanwhile (the
   * daemon, the desktop app; see upkeep.ts).
   */
  zoneBuilds?: ZoneBuilds;
  /**
   * What of a window title is never stored (core/redaction.ts): applied to every window event before it is
   * written, from the tracker, the API or an import. None by default (tests, tools, copies being purged).
   */
  redaction?: TitleRedaction;
}

const DEFAULT_REFRESH_DELAY_MS = 250;

export type EventOf<S extends EventSource> = S extends 'window'
  ? WindowEvent
  : S extends 'browser'
    ? BrowserEvent
    : IdleEvent;

export class Store {
  readonly db: DB;
  /** The database's path, or ':memory:'. */
  readonly file: string;
  /** The key the file was opened with (app/db/cipher.ts); null for a plain database. */
  readonly key: Buffer | null;
  private readonly now: () => number;
  private readonly events: EventTables;
  private readonly subjects: Subjects;
  private readonly zones: ZoneRollups;
  private readonly slots: SlotRollup;
  private readonly categories: Categories;
  private readonly reports: Reports;
  private readonly timelines: Timelines;
  private readonly drilldowns: Drilldowns;
  private readonly goals: Goals;
  private readonly manual: ManualEntries;
  private readonly rules: Rules;
  private readonly suggestionModel: Suggestions;
  private readonly log: Logger;
  private readonly upkeep: RollupUpkeep;
  private readonly purges: Purges;
  private readonly redaction: TitleRedaction;
  private readonly retention: Retention;
  private readonly planRows: PlanRows;
  private readonly undos = new UndoLog();

  private constructor(db: DB, options: StoreOptions) {
    this.db = db;
    this.file = options.file;
    this.key = options.key ?? null;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? createLogger('store');
    this.redaction = options.redaction ?? NO_REDACTION;
    this.rules = new Rules(db, this.log);
    this.planRows = new PlanRows(db);
    // A window's subject depends on the title rules of the moment (a title rule gives it "<app> — <pattern>").
    this.events = new EventTables(db, () => this.rules.windowSubjects());
    // New subjects start with a rule's category, else their default (categories.ts); `categories` is set below.
    this.subjects = new Subjects(db, (kind, name, appId) => this.categories.decide(kind, name, () => appId));
    this.zones = new ZoneRollups(db, this.subjects);
    this.slots = new SlotRollup(db, this.events, this.subjects, this.zones);
    const appIds = subjectAppIds(db, this.events);
    this.categories = new Categories(db, this.subjects, this.zones, this.rules, appIds);
    this.suggestionModel = new Suggestions(
      db,
      () => this.categories.changeCount,
      (name) => this.rules.titlePatternOf(name),
    );
    this.reports = new Reports(db, this.events, this.subjects, this.zones, this.categories);
    this.goals = new Goals(db, this.reports);
    this.timelines = new Timelines(this.events, this.subjects, this.categories);
    this.drilldowns = new Drilldowns(db, this.events, this.subjects);
    this.manual = new ManualEntries(db, this.subjects, this.categories, (changed) =>
      this.slots.markPending(changed),
    );
    this.purges = new Purges(db, this.events, this.slots);
    this.retention = new Retention(db, this.purges, this.slots, () => this.rules.windowSubjects().byTitle);
    this.upkeep = new RollupUpkeep(db, this.slots, this.zones, {
      now: this.now,
      log: this.log,
      zoneBuilds: options.zoneBuilds ?? 'inline',
      refreshDelayMs: options.refreshDelayMs ?? DEFAULT_REFRESH_DELAY_MS,
      write: (work) => this.write(work),
      rolledBack: () => {
        this.subjects.forgetIds();
        this.events.forgetExtents();
      },
    });
  }

  static open(options: StoreOptions): Store {
    const store = new Store(openDatabase(options.file, options.key ?? null), options);
    try {
      store.repairExtents();
      store.listDefaultCategories();
      store.applyDefaultCategories();
    } catch (error) {
      // On a full disk the store still opens, to read; the one-time upkeep is done at a later start.
      if (!isDomainError(error, 'storage_full')) throw error;
      store.log.warn('the disk is full: opened to read; upkeep of the database waits for a later start');
    }
    return store;
  }

  /**
   * Once per database: earlier versions committed an event longer than any before it without its extent,
   * so a crash right after such a write left range reads blind to it. Records the true extents and has the
   * slots of the events they missed resolved again.
   */
  private repairExtents(): void {
    const key = 'source_extents_repaired';
    if (this.db.prepare(`SELECT 1 FROM app_meta WHERE key = ?`).pluck().get(key) === 1) return;
    this.write(() => {
      const missed = this.events.repairExtents();
      this.slots.markPending(missed);
      this.db.prepare(`INSERT INTO app_meta (key, value) VALUES (?, '1')`).run(key);
      if (missed.length > 0)
        this.log.warn(`recounting ${missed.length} events reports could miss after a crash`);
    });
  }

  /** Lists the built-in categories this database has not been offered yet (a fresh one, or a new release's). */
  private listDefaultCategories(): void {
    const key = 'default_categories_listed';
    const stored = this.db.prepare(`SELECT value FROM app_meta WHERE key = ?`).pluck().get(key) as
      string | undefined;
    const seen = new Set<string>(stored === undefined ? [] : (JSON.parse(stored) as string[]));
    const before = seen.size;
    if (DEFAULT_CATEGORY_DB.categories.every((c) => seen.has(foldName(c.name)))) return;
    this.write(() => {
      const added = this.categories.seedDefaults(seen);
      this.db
        .prepare(`INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)`)
        .run(key, JSON.stringify([...seen]));
      if (added > 0)
        this.log.debug(`listed ${added} built-in categories (${seen.size - before} new to this database)`);
    });
  }

  /** Applies a new version of the built-in category database to the subjects the user has not categorized. */
  private applyDefaultCategories(): void {
    const meta = this.db.prepare(`SELECT value FROM app_meta WHERE key = 'default_categories'`).pluck();
    if (meta.get() === String(DEFAULT_CATEGORY_DB.version)) return;
    this.write(() => {
      this.slots.refreshPending();
      const changed = this.categories.reapply();
      this.db
        .prepare(`INSERT OR REPLACE INTO app_meta (key, value) VALUES ('default_categories', ?)`)
        .run(String(DEFAULT_CATEGORY_DB.version));
      if (changed > 0)
        this.log.info(`default categories v${DEFAULT_CATEGORY_DB.version} applied to ${changed} subjects`);
    });
  }

  /** Brings the rollups up to date, then closes the database. */
  close(): void {
    if (!this.db.open) return;
    try {
      this.refreshRollups();
    } catch (error) {
      // What is pending stays marked in the database (on a full disk, say) and is refreshed at the next open.
      this.log.warn('could not refresh the rollups before closing', { error: (error as Error).message });
    }
    this.db.close();
  }

  /** Brings the rollups up to date with every write so far; returns the number of slot ranges refreshed. */
  refreshRollups(): number {
    return this.upkeep.refreshAll();
  }

  schemaVersion(): number {
    return userVersion(this.db);
  }

  /** The installation's user id (a UUID made by migration 0004), handed to the extension when it pairs. */
  userId(): string {
    return this.db.prepare(`SELECT value FROM app_meta WHERE key = 'user_id'`).pluck().get() as string;
  }

  /** Inserts parsed events; an event_id seen before counts as a duplicate and is not stored again. */
  ingest<S extends EventSource>(source: S, events: EventOf<S>[]): IngestOutcome {
    return this.write(() => {
      const receivedMs = this.now();
      const changed: Interval[] = [];
      for (const e of events) {
        const stored =
          source === 'window'
            ? this.events.insertWindow(this.redacted(e as WindowEvent), 'api')
            : source === 'browser'
              ? this.events.insertBrowser(e as BrowserEvent, receivedMs)
              : this.events.insertIdle(e as IdleEvent, 'api');
        if (stored) changed.push(e);
      }
      this.slots.markPending(changed);
      this.scheduleRefresh();
      return { accepted: changed.length, duplicates: events.length - changed.length };
    });
  }

  /**
   * Several writes as one transaction (an import): every ingest inside `work` is stored, or none is when it
   * throws. Other writes wait meanwhile, so `work` must be synchronous.
   */
  atomically<T>(work: () => T): T {
    const result = this.write(work);
    this.scheduleRefresh();
    return result;
  }

  /** The tracker's own events: saving an event_id again replaces it (checkpoints of the open event). */
  saveTrackedWindow(event: WindowEvent): void {
    this.saveTracked(event, () => this.events.saveTrackedWindow(this.redacted(event)));
  }

  /** The event with its title as it may be stored. */
  private redacted(event: WindowEvent): WindowEvent {
    const title = this.redaction.redact(event.app, event.title);
    return title === event.title ? event : { ...event, title };
  }

  saveTrackedIdle(event: IdleEvent): void {
    this.saveTracked(event, () => this.events.saveTrackedIdle(event));
  }

  listCategories(): Category[] {
    return this.categories.list();
  }

  /** Throws DomainError('conflict') when the name is taken (case-insensitive), invalid for a bad colour. */
  createCategory(name: string, productivity: Productivity, colour: string | null = null): Category {
    return this.write(() => this.categories.create(name, productivity, colour));
  }

  /** Throws DomainError('not_found') for an unknown id, DomainError('conflict') for a taken name. */
  updateCategory(id: number, patch: CategoryChange): Category {
    return this.write(() => this.categories.update(id, patch));
  }

  /**
   * Deletes a category, its subjects, rules, goals and manual entries going to `reassignTo` or to none
   * (deletions.ts); answers what moved and an undo token. Throws DomainError: not_found (the id, or no
   * category named `reassignTo`), invalid (reassigned to itself).
   */
  deleteCategory(id: number, reassignTo: string | null): CategoryDeletion {
    const { summary, restore } = this.changeRules(() =>
      this.planRows.deleteCategory(this.categories, id, reassignTo, (ruleId) => this.rules.delete(ruleId)),
    );
    return { ...summary, undo: this.undos.add(restore, this.now()) };
  }

  /** Undoes a delete of the last minutes. Throws DomainError: not_found (no such token), conflict. */
  undo(token: string): { undone: true } {
    this.changeRules(() => {
      this.undos.run(token, this.now());
      this.rules.forget();
    });
    this.scheduleRefresh();
    return { undone: true };
  }

  /** What a rule would do to the subjects with time in a range (rule-preview.ts); a read. */
  previewRule(input: RulePreviewInput, range: ReportQuery): RulePreview {
    const report = this.report({ ...range, limit: undefined });
    const rules = this.rules.list();
    return previewRule(input, rules, report.subjects, (s) => {
      const id = this.subjects.find(s.kind, s.name);
      return id === undefined ? null : this.subjects.sourceOf(id);
    });
  }

  /** Throws DomainError('unknown_category', field 'category') when the category does not exist. */
  setSubjectCategory(kind: SubjectKind, name: string, category: string | null): SubjectCategory {
    return this.write(() => this.categories.assign(kind, name, category));
  }

  /** Forgets the user's choice: back to the first matching rule's category, else the default, else none. */
  resetSubjectCategory(kind: SubjectKind, name: string): SubjectCategory {
    return this.write(() => this.categories.resetToDefault(kind, name));
  }

  /** Throws DomainError('invalid', field 'tz') for an unknown time zone. */
  report(query: ReportQuery): Report {
    const nowMs = this.now();
    return this.upkeep.read(query, (resolveZone) => this.reports.build(query, nowMs, resolveZone));
  }

  /**
   * An export's sessions, a local day at a time as the caller reads them (export-sessions.ts). Subjects seen
   * first in pending time get their category now, as a report would give it. Throws DomainError('invalid')
   * for an unknown zone.
   */
  exportSessions(query: SessionQuery): Iterable<SessionRecord[]> {
    try {
      // Only the pending slots of the range: they make the subjects its rows name (their categories).
      this.write(() => this.slots.refreshPending(query));
    } catch (error) {
      if (!isDomainError(error, 'storage_full')) throw error;
    }
    const sessions = new SessionExports(this.db, this.events, this.subjects, this.categories);
    return sessions.batches(query, this.userId());
  }

  /**
   * The span of all counted time, from the first 15-minute slot holding any to the end of the last one; null
   * when nothing counts. Brings the rollups up to date first (a sync's days to check).
   */
  countedSpan(): { fromMs: number; toMs: number } | null {
    this.refreshRollups();
    // Two subqueries, each read from an end of the key (min and max in one SELECT scan the table).
    const row = this.db
      .prepare(
        `SELECT (SELECT min(slot) FROM slot_subjects) AS first, (SELECT max(slot) FROM slot_subjects) AS last`,
      )
      .get() as {
      first: number | null;
      last: number | null;
    };
    if (row.first === null || row.last === null) return null;
    return { fromMs: row.first * SLOT_MS, toMs: (row.last + 1) * SLOT_MS };
  }

  /** An export's stored events, a local day at a time (export-raw.ts). */
  exportRaw(query: RawQuery): Iterable<RawRecord[]> {
    return new RawExports(this.db).batches(query);
  }

  /** The manual entries overlapping [fromMs, toMs), by start. */
  listManualEntries(fromMs: number, toMs: number): ManualEntry[] {
    return this.manual.list(fromMs, toMs);
  }

  /** Throws DomainError('not_found') for an unknown id. */
  getManualEntry(id: number): ManualEntry {
    return this.manual.get(id);
  }

  /**
   * Logs an activity by hand (see manual.ts). Throws DomainError: invalid (a bad interval, one ending
   * in the future), conflict (overlaps another manual entry; its times read in `tz`), unknown_category.
   */
  createManualEntry(input: ManualEntryInput, tz = 'UTC'): ManualEntry {
    const entry = this.write(() => this.manual.create(input, this.now(), tz));
    this.scheduleRefresh();
    return entry;
  }

  /** Changes the fields given; the same errors as createManualEntry, and not_found for an unknown id. */
  updateManualEntry(id: number, change: ManualEntryChange, tz = 'UTC'): ManualEntry {
    const entry = this.write(() => this.manual.update(id, change, this.now(), tz));
    this.scheduleRefresh();
    return entry;
  }

  /** Throws DomainError('not_found') for an unknown id. */
  deleteManualEntry(id: number): Deleted {
    const deleted = this.write(() => {
      const row = this.manual.rawRow(id);
      const done = this.manual.remove(id);
      return { ...done, undo: this.undos.add(() => this.manual.restore(row), this.now()) };
    });
    this.scheduleRefresh();
    return deleted;
  }

  /** The user's category rules, in the order they are tried. */
  listRules(): Rule[] {
    return this.rules.list();
  }

  /**
   * Adds a rule and recategorizes every subject the user has not categorized. Throws DomainError:
   * unknown_category, invalid.
   */
  createRule(input: RuleInput): Rule {
    return this.changeRules(() => this.rules.create(input));
  }

  /** Changes a rule (a new position moves it); the same errors as createRule, and not_found. */
  updateRule(id: number, change: RuleChange): Rule {
    return this.changeRules(() => this.rules.update(id, change));
  }

  /** Throws DomainError('not_found') for an unknown id. */
  deleteRule(id: number): Deleted {
    return this.changeRules(() => {
      const row = this.planRows.rule(id);
      this.rules.delete(id);
      return {
        id,
        deleted: true as const,
        undo: this.undos.add(() => this.planRows.restoreRule(row), this.now()),
      };
    });
  }

  /** Categories the classifier proposes for uncategorized subjects with recent time; applies nothing. */
  suggestions(): Suggestion[] {
    // The recent time of each subject comes from the rollups.
    const nowMs = this.now();
    return this.upkeep.read({ fromMs: nowMs - RECENT_MS - DAY_MS, toMs: nowMs + DAY_MS }, () =>
      this.suggestionModel.list(nowMs),
    );
  }

  /**
   * A change of the rules and what it brings, in one transaction: every subject the user has not categorized
   * is recategorized, and when the title rules changed (one added or deleted, another pattern, match or order
   * among them) the window time that now counts as another subject is marked pending, for all past time.
   * Finding it is one pass over the window events (seconds for years of them); a change of app or domain rules
   * alone reads no event. Re-resolving the marked slots is left to the refresh a moment later, or to whatever
   * reads the rollups first (reports, goals and suggestions refresh before they read): the call answers once
   * the rule is stored, and nothing ever reads the old subjects under the new rules.
   */
  private changeRules<T>(change: () => T): T {
    let marked = false;
    try {
      const result = this.write(() => {
        this.rules.forget(); // as committed, whoever committed it
        const before = this.rules.windowSubjects();
        const result = change();
        const after = this.rules.windowSubjects();
        if (after.titleKey !== before.titleKey) {
          const { moved, windows } = this.events.windowsMoved(before, after);
          this.slots.markPending(moved);
          marked = moved.length > 0;
          this.log.info('title rules changed', { windows, moved: moved.length });
        }
        this.categories.reapply();
        return result;
      });
      if (marked) this.scheduleRefresh();
      return result;
    } finally {
      this.rules.forget(); // compiled inside the transaction: rebuilt from what was committed, if anything
    }
  }

  /** What purge(selector) would delete now. Throws DomainError('invalid') for a selector naming nothing. */
  previewPurge(selector: PurgeSelector): PurgeSummary {
    // A read: it takes the write lock only to bring the rollups of what it counts up to date.
    const stretch =
      selector.kind === 'range'
        ? { fromMs: selector.fromMs, toMs: selector.toMs }
        : { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };
    return this.upkeep.read(stretch, () => this.purges.preview(selector));
  }

  /**
   * Deletes what was recorded of an app, a domain, a range or everything (see purge.ts), in one transaction,
   * then makes the deleted bytes unreadable in the file and its WAL (scrub.ts). Throws DomainError: invalid.
   */
  purge(selector: PurgeSelector): PurgeOutcome & { scrubbed: Scrubbed } {
    let outcome: PurgeOutcome;
    try {
      outcome = this.write(() => this.purges.apply(selector));
    } finally {
      // Subjects went: their cached ids, and a model trained on them, are gone too.
      this.subjects.forgetIds();
      this.suggestionModel.forget();
    }
    return { ...outcome, scrubbed: scrubDatabase(this.db, this.log) };
  }

  /** What retention with these cutoffs would do now (retention.ts); a read. */
  previewRetention(cutoffs: RetentionCutoffs): RetentionPreview {
    const stretch = { fromMs: 0, toMs: Math.max(1, cutoffs.eventsBeforeMs ?? 1) };
    return this.upkeep.read(stretch, () => this.retention.preview(cutoffs));
  }

  /**
   * One step of retention (a month of events deleted, or some thousand titles blanked), one write transaction;
   * call until `done`, then `scrub()`. See retention.ts and retention-run.ts.
   */
  retentionStep(cutoffs: RetentionCutoffs): RetentionStep {
    try {
      return this.write(() => this.retention.step(cutoffs));
    } finally {
      // Subjects may have gone, and titles a model learnt from.
      this.subjects.forgetIds();
      this.suggestionModel.forget();
      this.scheduleRefresh();
    }
  }

  /** Makes what was deleted or blanked unreadable in the file and its WAL (scrub.ts); outside a transaction. */
  scrub(): Scrubbed {
    return scrubDatabase(this.db, this.log);
  }

  /**
   * Every goal with its progress in the current local day or week of `tz`, as of now. Throws
   * DomainError('invalid', field 'tz') for an unknown time zone.
   */
  listGoals(tz: string): GoalProgress[] {
    const nowMs = this.now();
    // The current local day and week, whatever the zone: a day either side of the last 7 days.
    return this.upkeep.read({ fromMs: nowMs - 8 * DAY_MS, toMs: nowMs + DAY_MS }, (resolveZone) =>
      this.goals.progress(tz, nowMs, resolveZone),
    );
  }

  /** Throws DomainError('unknown_category', field 'category') when the category does not exist. */
  createGoal(input: GoalInput): Goal {
    return this.write(() => this.goals.create(input, this.now()));
  }

  /** Throws DomainError: not_found, unknown_category, invalid (a daily goal over 24 hours). */
  updateGoal(id: number, change: GoalChange): Goal {
    return this.write(() => this.goals.update(id, change));
  }

  /** Throws DomainError('not_found') for an unknown id. */
  deleteGoal(id: number): Deleted {
    return this.write(() => {
      const row = this.planRows.goal(id);
      const done = this.goals.delete(id);
      return { ...done, undo: this.undos.add(() => this.planRows.restoreGoal(row), this.now()) };
    });
  }

  /**
   * One write transaction, taking the write lock at its start (BEGIN IMMEDIATE): a read that turns into a
   * write in WAL mode could otherwise fail at once when another process wrote in between.
   */
  private write<T>(work: () => T): T {
    try {
      return this.db
        .transaction(() => {
          const result = work();
          // Range reads rely on the longest event of each source: it commits with the events, or a crash
          // right after the write would leave reports blind to an event longer than any before it.
          this.events.flushExtents();
          return result;
        })
        .immediate();
    } catch (error) {
      // Ids cached for subjects created in the rolled-back transaction no longer exist (and SQLite may hand
      // them to other subjects): forget them all, they are read again on demand. Likewise the extents noted.
      this.subjects.forgetIds();
      this.events.forgetExtents();
      throw isDiskFull(error) ? diskFullError() : error;
    }
  }

  /**
   * Builds the rollups of a time zone now if they are not kept yet (seconds for years of data, in steps that
   * each take the write lock briefly), so that the first report in it is fast. Returns whether it had to.
   */
  prepareZone(tz: string): boolean {
    this.refreshRollups();
    return this.upkeep.prepareZone(tz);
  }

  /** The same in the background, in steps between other work (the daemon, as it starts listening). */
  prepareZoneInBackground(tz: string): void {
    this.upkeep.prepareZoneInBackground(tz);
  }

  /** How far the summaries of a zone are built. */
  zoneProgress(tz: string): BuildProgress {
    return this.upkeep.zoneProgress(tz);
  }

  /** A local day's timeline (`date` YYYY-MM-DD in `tz`); throws DomainError('invalid') for a bad zone. */
  timeline(date: string, tz: string): Timeline {
    return this.db.transaction(() => this.timelines.build(date, tz))();
  }

  /** An app subject's window titles in [fromMs, toMs), longest first, as stored (see drill.ts). */
  titles(app: string, fromMs: number, toMs: number): TitleTotal[] {
    return this.db.transaction(() => this.drilldowns.titles(app, fromMs, toMs))();
  }

  /** A subject's time per local day of `tz`; throws DomainError('invalid') for an unknown zone. */
  subjectDays(kind: SubjectKind, name: string, fromMs: number, toMs: number, tz: string): DayTotal[] {
    zoneFor(tz);
    return this.upkeep.read({ fromMs, toMs }, () => this.drilldowns.days(kind, name, fromMs, toMs, tz));
  }

  private saveTracked(event: Interval, save: () => Replaced): void {
    this.write(() => {
      const result = save();
      if (result.stored) this.slots.markPending(changedIntervals(result.previous, event));
    });
    this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    this.upkeep.scheduleRefresh();
  }
}
