/**
 * App identity on Linux: the raw id a desktop gives a window (X11 WM_CLASS instance and class, a Wayland
 * app_id, a Flatpak id) turned into the name people know, through the desktop entries installed
 * (freedesktop.org Desktop Entry files). Pure: the entries come in as text; app/trackers/app-identity.ts reads
 * them from the data folders and keeps them fresh.
 *
 * A raw id finds its entry, first match wins, by:
 *   1. StartupWMClass   (jetbrains-idea.desktop: StartupWMClass=jetbrains-idea; TelegramDesktop)
 *   2. the file's id    (org.gnome.Nautilus.desktop for app_id or class "org.gnome.Nautilus")
 *   3. the program its Exec= runs (org.gnome.Terminal.desktop: Exec=gnome-terminal, for class Gnome-terminal)
 *   4. the id's last dotted part, for reverse-DNS file ids (org.gnome.Nautilus.desktop for "nautilus")
 * each compared without regard to case, and the entry's `Name=` is the display name.
 */

export interface DesktopEntry {
  /** The file name without ".desktop": the desktop file id. */
  fileId: string;
  name: string;
  startupWmClass: string | null;
  /** The program Exec= starts (its file name), when it names one directly. */
  program: string | null;
}

/** The [Desktop Entry] group's Name and StartupWMClass, or null for a file that is not an application. */
export function parseDesktopEntry(fileId: string, text: string): DesktopEntry | null {
  let inMain = false;
  const fields = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inMain = line === '[Desktop Entry]';
      continue;
    }
    if (!inMain) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    // Localized keys (Name[fr]) are left out: one name per app, the same on every machine's reports.
    if (!fields.has(key)) fields.set(key, line.slice(eq + 1).trim());
  }
  const name = unescape(fields.get('Name') ?? '');
  const type = fields.get('Type') ?? 'Application';
  if (!name || type !== 'Application') return null;
  const wmClass = fields.get('StartupWMClass');
  return {
    fileId,
    name,
    startupWmClass: wmClass ? unescape(wmClass) : null,
    program: programOf(fields.get('Exec') ?? ''),
  };
}

/** `env A=b /usr/bin/prog --flag %U` → "prog"; a launcher (flatpak, snap) names no program of its own. */
function programOf(exec: string): string | null {
  const words = exec.split(/\s+/).filter(Boolean);
  let i = 0;
  if (words[i] === 'env') i++;
  while (words[i]?.includes('=')) i++;
  const word = words[i]?.replace(/^"|"$/g, '');
  if (!word) return null;
  const base = word.slice(word.lastIndexOf('/') + 1);
  return ['flatpak', 'snap', 'sh', 'bash'].includes(base) ? null : base;
}

/** The escapes the Desktop Entry spec defines for string values. */
function unescape(value: string): string {
  return value.replace(/\\([sntr\\])/g, (_, c: string) =>
    c === 's' ? ' ' : c === 'n' ? ' ' : c === 't' ? ' ' : c === 'r' ? '' : '\\',
  );
}

export interface Identity {
  /** The display name: the entry's Name. */
  app: string;
  /** The raw id that found it. */
  appId: string;
}

export class AppIdentityIndex {
  private readonly byWmClass = new Map<string, DesktopEntry>();
  private readonly byFileId = new Map<string, DesktopEntry>();
  private readonly byProgram = new Map<string, DesktopEntry>();
  private readonly byLastPart = new Map<string, DesktopEntry>();

  /** Entries in order of precedence: the first of a file id (the user's own folder first) wins. */
  constructor(entries: Iterable<DesktopEntry>) {
    for (const e of entries) {
      const id = e.fileId.toLowerCase();
      if (this.byFileId.has(id)) continue;
      this.byFileId.set(id, e);
      if (e.startupWmClass && !this.byWmClass.has(e.startupWmClass.toLowerCase()))
        this.byWmClass.set(e.startupWmClass.toLowerCase(), e);
      if (e.program && !this.byProgram.has(e.program.toLowerCase()))
        this.byProgram.set(e.program.toLowerCase(), e);
      const last = id.includes('.') ? id.slice(id.lastIndexOf('.') + 1) : null;
      if (last && !this.byLastPart.has(last)) this.byLastPart.set(last, e);
    }
  }

  get size(): number {
    return this.byFileId.size;
  }

  /**
   * The identity of a window from its raw ids, most specific first (X11: the class, then the instance;
   * Wayland: the app_id), or null when no entry names it.
   */
  identify(ids: readonly string[]): Identity | null {
    const candidates = ids.map((id) => id.trim()).filter(Boolean);
    for (const table of [this.byWmClass, this.byFileId, this.byProgram, this.byLastPart]) {
      for (const id of candidates) {
        const entry = table.get(id.toLowerCase());
        if (entry) return { app: entry.name, appId: candidates[0] as string };
      }
    }
    return null;
  }
}
