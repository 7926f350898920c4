/**
 * Where each API call lives: its method, path, whether it needs the token, and its success status. The API map in
 * api.ts adds the schemas; clients (the dashboard, the extension) need only this table, so they do not ship zod.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  auth: boolean;
  status: number;
  /** The call answers a file (a Download), not JSON. */
  download?: true;
  /**
   * The body is a file sent as it is and read by the handler as it arrives (an import), up to this many bytes,
   * instead of one JSON document of at most 1 MiB parsed before the handler runs.
   */
  stream?: { limitBytes: number };
}

/** How large an import may be: years of ActivityWatch history fit easily (a million events is ~200 MB). */
export const IMPORT_LIMIT_BYTES = 1024 ** 3;

export const ROUTES = {
  health: { method: 'GET', path: '/v1/health', auth: false, status: 200 },
  pairing: { method: 'GET', path: '/v1/pairing', auth: true, status: 200 },
  status: { method: 'GET', path: '/v1/status', auth: true, status: 200 },
  postBrowserEvents: { method: 'POST', path: '/v1/browser/events', auth: true, status: 200 },
  postWindowEvents: { method: 'POST', path: '/v1/window/events', auth: true, status: 200 },
  postIdleEvents: { method: 'POST', path: '/v1/idle/events', auth: true, status: 200 },
  listCategories: { method: 'GET', path: '/v1/categories', auth: true, status: 200 },
  createCategory: { method: 'POST', path: '/v1/categories', auth: true, status: 201 },
  updateCategory: { method: 'PATCH', path: '/v1/categories/:id', auth: true, status: 200 },
  deleteCategory: { method: 'DELETE', path: '/v1/categories/:id', auth: true, status: 200 },
  undoDelete: { method: 'POST', path: '/v1/undo', auth: true, status: 200 },
  setSubjectCategory: { method: 'PUT', path: '/v1/subjects/:kind/:name/category', auth: true, status: 200 },
  resetSubjectCategory: { method: 'POST', path: '/v1/subjects/:kind/:name/reset', auth: true, status: 200 },
  report: { method: 'GET', path: '/v1/report', auth: true, status: 200 },
  reportTitles: { method: 'GET', path: '/v1/report/titles', auth: true, status: 200 },
  reportDays: { method: 'GET', path: '/v1/report/days', auth: true, status: 200 },
  timeline: { method: 'GET', path: '/v1/timeline', auth: true, status: 200 },
  getPause: { method: 'GET', path: '/v1/pause', auth: true, status: 200 },
  setPause: { method: 'POST', path: '/v1/pause', auth: true, status: 200 },
  resume: { method: 'POST', path: '/v1/resume', auth: true, status: 200 },
  listRules: { method: 'GET', path: '/v1/rules', auth: true, status: 200 },
  createRule: { method: 'POST', path: '/v1/rules', auth: true, status: 201 },
  updateRule: { method: 'PATCH', path: '/v1/rules/:id', auth: true, status: 200 },
  deleteRule: { method: 'DELETE', path: '/v1/rules/:id', auth: true, status: 200 },
  previewRule: { method: 'POST', path: '/v1/rules/preview', auth: true, status: 200 },
  listSuggestions: { method: 'GET', path: '/v1/suggestions', auth: true, status: 200 },
  listManualEntries: { method: 'GET', path: '/v1/manual-entries', auth: true, status: 200 },
  createManualEntry: { method: 'POST', path: '/v1/manual-entries', auth: true, status: 201 },
  updateManualEntry: { method: 'PATCH', path: '/v1/manual-entries/:id', auth: true, status: 200 },
  deleteManualEntry: { method: 'DELETE', path: '/v1/manual-entries/:id', auth: true, status: 200 },
  listGoals: { method: 'GET', path: '/v1/goals', auth: true, status: 200 },
  createGoal: { method: 'POST', path: '/v1/goals', auth: true, status: 201 },
  updateGoal: { method: 'PATCH', path: '/v1/goals/:id', auth: true, status: 200 },
  deleteGoal: { method: 'DELETE', path: '/v1/goals/:id', auth: true, status: 200 },
  getSettings: { method: 'GET', path: '/v1/settings', auth: true, status: 200 },
  updateSettings: { method: 'PATCH', path: '/v1/settings', auth: true, status: 200 },
  exportData: { method: 'GET', path: '/v1/export', auth: true, status: 200, download: true },
  previewPurge: { method: 'GET', path: '/v1/data/purge', auth: true, status: 200 },
  purgeData: { method: 'DELETE', path: '/v1/data', auth: true, status: 200 },
  listBackups: { method: 'GET', path: '/v1/backups', auth: true, status: 200 },
  createBackup: { method: 'POST', path: '/v1/backup', auth: true, status: 201 },
  previewRetention: { method: 'POST', path: '/v1/retention/preview', auth: true, status: 200 },
  getSync: { method: 'GET', path: '/v1/sync', auth: true, status: 200 },
  runSync: { method: 'POST', path: '/v1/sync/run', auth: true, status: 200 },
  updateSyncSettings: { method: 'PATCH', path: '/v1/sync/settings', auth: true, status: 200 },
  getEncryption: { method: 'GET', path: '/v1/encryption', auth: true, status: 200 },
  setEncryption: { method: 'POST', path: '/v1/encryption', auth: true, status: 200 },
  importActivityWatch: {
    method: 'POST',
    path: '/v1/import/activitywatch',
    auth: true,
    status: 200,
    stream: { limitBytes: IMPORT_LIMIT_BYTES },
  },
  importTimeAudit: {
    method: 'POST',
    path: '/v1/import/timeaudit',
    auth: true,
    status: 200,
    stream: { limitBytes: IMPORT_LIMIT_BYTES },
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
