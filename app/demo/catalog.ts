/**
 * What the synthetic activity of synthetic.ts is made of: about forty apps and 150 domains, each listed by its
 * popularity on a workday and with its category, and the categories themselves with their productivity and how
 * much more (or less) their subjects are used on a weekend.
 */
import type { Productivity, SubjectKind } from '../shared/report.ts';
import { isBrowserApp } from '../core/browsers.ts';

interface CategoryInfo {
  name: string;
  productivity: Productivity;
  /** Popularity on a weekend relative to a workday. */
  weekend: number;
}

export const CATEGORY_INFO = {
  dev: { name: 'Development', productivity: 'productive', weekend: 0.15 },
  docs: { name: 'Docs & Reference', productivity: 'productive', weekend: 0.3 },
  design: { name: 'Design', productivity: 'productive', weekend: 0.2 },
  office: { name: 'Office & Planning', productivity: 'productive', weekend: 0.2 },
  chat: { name: 'Communication', productivity: 'neutral', weekend: 1 },
  meet: { name: 'Meetings', productivity: 'neutral', weekend: 0.05 },
  mail: { name: 'Email', productivity: 'neutral', weekend: 0.5 },
  tools: { name: 'Utilities', productivity: 'neutral', weekend: 1 },
  social: { name: 'Social & Video', productivity: 'unproductive', weekend: 4 },
  news: { name: 'News', productivity: 'unproductive', weekend: 2 },
  fun: { name: 'Entertainment', productivity: 'unproductive', weekend: 5 },
  shop: { name: 'Shopping', productivity: 'unproductive', weekend: 3 },
} satisfies Record<string, CategoryInfo>;

export type CategoryKey = keyof typeof CATEGORY_INFO;

/** The categories a demo database starts with. */
export const SYNTHETIC_CATEGORIES: ReadonlyArray<{ name: string; productivity: Productivity }> =
  Object.values(CATEGORY_INFO).map(({ name, productivity }) => ({ name, productivity }));

/** Apps by workday popularity: name | category (- for none: a browser's time goes to its domains) | length scale. */
const APP_TABLE = `
  Code|dev|1.2  Google Chrome|-|1.8  Terminal|dev|0.8  Slack|chat|0.6  Firefox|-|1.8  Figma|design|1.5
  Microsoft Outlook|mail|0.8  Notion|office|1  Spotify|fun|0.4  iTerm2|dev|0.8  IntelliJ IDEA|dev|1.2  Finder|tools|0.4
  Zoom|meet|3  Safari|-|1.5  Obsidian|docs|1  Postman|dev|0.8  Docker Desktop|dev|0.5  Linear|office|0.8
  Calendar|office|0.4  Messages|chat|0.4  WhatsApp|social|0.5  Discord|social|0.8  Microsoft Teams|meet|2
  1Password|tools|0.2  Preview|docs|0.8  Microsoft Excel|office|1.5  Microsoft Word|office|1.5  DBeaver|dev|1
  PyCharm|dev|1.2  Xcode|dev|1.2  Sublime Text|dev|0.8  System Settings|tools|0.3  Activity Monitor|tools|0.3
  Telegram|social|0.5  Steam|fun|2  VLC|fun|3  Microsoft Edge|-|1.5  Brave Browser|-|1.5  Keynote|office|1.5
  Adobe Photoshop|design|1.5  Signal|chat|0.4  Todoist|office|0.3
`;

/** Domains by workday popularity, each with its category (- for none). */
const DOMAIN_TABLE = `
  github.com:dev google.com:- stackoverflow.com:dev mail.google.com:mail youtube.com:social docs.google.com:office
  app.slack.com:chat developer.mozilla.org:docs localhost:dev reddit.com:social chatgpt.com:docs
  calendar.google.com:office news.ycombinator.com:news linkedin.com:social docs.python.org:docs
  en.wikipedia.org:docs meet.google.com:meet drive.google.com:office npmjs.com:dev claude.ai:docs
  x.com:social typescriptlang.org:docs nodejs.org:docs outlook.office.com:mail figma.com:design
  gitlab.com:dev docs.rs:docs theguardian.com:news console.aws.amazon.com:dev nytimes.com:news
  notion.so:office linear.app:office amazon.com:shop react.dev:docs translate.google.com:tools
  bbc.com:news spiegel.de:news docs.github.com:docs sentry.io:dev twitter.com:social pypi.org:dev
  medium.com:docs dev.to:docs teams.microsoft.com:meet zoom.us:meet duckduckgo.com:- heise.de:news
  theverge.com:news arstechnica.com:news kubernetes.io:docs learn.microsoft.com:docs deepl.com:tools
  app.datadoghq.com:dev grafana.com:dev hub.docker.com:dev crates.io:dev sqlite.org:docs
  postgresql.org:docs go.dev:docs rust-lang.org:docs regex101.com:dev caniuse.com:docs web.dev:docs
  trello.com:office miro.com:office asana.com:office web.whatsapp.com:social discord.com:social
  facebook.com:social instagram.com:social netflix.com:fun open.spotify.com:fun twitch.tv:social
  reuters.com:news apnews.com:news bloomberg.com:news ft.com:news economist.com:news
  washingtonpost.com:news cnn.com:news tagesschau.de:news zeit.de:news lemonde.fr:news
  maps.google.com:tools accounts.google.com:tools bing.com:- weather.com:news ebay.com:shop
  etsy.com:shop booking.com:shop airbnb.com:shop imdb.com:fun techcrunch.com:news wired.com:news
  lobste.rs:news slashdot.org:news docs.docker.com:docs fastify.dev:docs zod.dev:docs eslint.org:docs
  prettier.io:docs git-scm.com:docs tailwindcss.com:docs vitejs.dev:docs redis.io:docs devdocs.io:docs
  man7.org:docs developer.apple.com:docs docs.aws.amazon.com:docs console.cloud.google.com:dev
  portal.azure.com:dev vercel.com:dev netlify.com:dev app.circleci.com:dev canva.com:design
  dribbble.com:design behance.net:design dropbox.com:office airtable.com:office office.com:office
  outlook.live.com:mail mail.proton.me:mail fastmail.com:mail web.telegram.org:social messenger.com:social
  tiktok.com:social pinterest.com:social bsky.app:social mastodon.social:social threads.net:social
  quora.com:social imgur.com:social vimeo.com:social 9gag.com:social music.youtube.com:fun
  primevideo.com:fun disneyplus.com:fun store.steampowered.com:fun letterboxd.com:fun chess.com:fun
  lichess.org:fun soundcloud.com:fun bandcamp.com:fun goodreads.com:fun espn.com:fun amazon.de:shop
  aliexpress.com:shop zalando.de:shop ikea.com:shop bestbuy.com:shop paypal.com:tools
  speedtest.net:tools faz.net:news sueddeutsche.de:news elpais.com:news npr.org:news aljazeera.com:news
  news.google.com:news politico.com:news axios.com:news engadget.com:news golem.de:news arxiv.org:docs
  martinfowler.com:docs example.com:-
`;

export interface Subject {
  name: string;
  category: CategoryKey | null;
  /** How long its events tend to be, relative to others. */
  scale: number;
  browser: boolean;
}

const category = (key: string): CategoryKey | null => (key === '-' ? null : (key as CategoryKey));

export const APPS: readonly Subject[] = APP_TABLE.trim()
  .split(/\s{2,}|\n/)
  .map((entry) => entry.trim().split('|'))
  .map(([name = '', key = '-', scale = '1']) => ({
    name,
    category: category(key),
    scale: Number(scale),
    browser: isBrowserApp(name),
  }));

export const DOMAINS: readonly Subject[] = DOMAIN_TABLE.trim()
  .split(/\s+/)
  .map((entry) => entry.split(':'))
  .map(([name = '', key = '-']) => ({ name, category: category(key), scale: 1, browser: false }));

export const SYNTHETIC_APPS: readonly string[] = APPS.map((a) => a.name);
export const SYNTHETIC_DOMAINS: readonly string[] = DOMAINS.map((d) => d.name);

export interface DefaultSubjectCategory {
  kind: SubjectKind;
  name: string;
  category: string;
  productivity: Productivity;
}

/** Which category each synthetic app and domain belongs to (browsers and search engines stay uncategorized). */
export const DEFAULT_CATEGORY_MAP: readonly DefaultSubjectCategory[] = [
  ...APPS.map((s) => ({ kind: 'app' as const, s })),
  ...DOMAINS.map((s) => ({ kind: 'domain' as const, s })),
].flatMap(({ kind, s }) => {
  if (!s.category) return [];
  const { name, productivity } = CATEGORY_INFO[s.category];
  return [{ kind, name: s.name, category: name, productivity }];
});

/** Window titles of the apps that are not browsers (a browser's title names its first domain). */
export const TITLES: Record<CategoryKey | 'none', string[]> = {
  dev: [
    'store.ts — time-audit',
    'zones.ts — time-audit',
    'main.py — api-server',
    'zsh — ~/src/time-audit',
    'Cargo.toml — cli',
  ],
  docs: ['Notes — Weekly planning', 'architecture.pdf', 'Reading list'],
  design: ['Dashboard v3 — Figma', 'Icons — Export', 'Onboarding flow'],
  office: ['Q3 roadmap', 'Budget 2026.xlsx', 'Sprint board', 'Calendar — This week'],
  chat: ['#general', '#dev-backend', 'Alex Kim (DM)', '#random'],
  meet: ['Zoom Meeting', 'Weekly sync', 'Design review', '1:1'],
  mail: ['Inbox (12)', 'Re: release plan', 'Invoice #2291'],
  tools: ['Downloads', 'Settings', 'Activity Monitor'],
  social: ['Chats', 'Friends — Discord', 'Family group'],
  news: ['Headlines'],
  fun: ['Discover Weekly — Spotify', 'Library — Steam', 'movie.mkv'],
  shop: ['Cart'],
  none: ['New Tab'],
};
