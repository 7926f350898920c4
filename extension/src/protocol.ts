/**
 * The popup ↔ worker protocol over chrome.runtime messages, declared once as a map (name → request →
 * response), like the app's API map: the popup's `call` and the worker's handlers are both typed from it.
 * Every reply is `{ ok: true, value }` or `{ ok: false, error }` with a message for the user.
 */
import type { SubjectCategory } from '../../app/shared/api/index.ts';
import type { IngestResult } from '../../app/shared/events.ts';
import type { GoalProgress } from '../../app/shared/planning.ts';
import type { Category, Productivity, ProductivityOrNone } from '../../app/shared/report.ts';

/** How the worker's link to the app stands, as the badge and the popup show it. */
export type LinkState = 'unpaired' | 'connected' | 'offline' | 'unauthorized' | 'error';

/** One domain's time today and its category. */
export interface DomainDay {
  name: string;
  ms: number;
  category: string | null;
  productivity: ProductivityOrNone;
}

export interface PopupStatus {
  nowMs: number;
  pairing: { port: number; userId: string } | null;
  /** The dashboard with the token in its fragment, as `timeaudit serve` prints it. */
  dashboardUrl: string | null;
  link: { state: LinkState; message: string | null };
  queue: {
    waiting: number;
    droppedOldest: number;
    rejected: number;
    /** When the next automatic attempt is due, while backing off. */
    retryAtMs: number | null;
  };
  lastResult: IngestResult | null;
  pausedUntilMs: number | null;
  /** The focused tab's site, or (`isLast`) the last one tracked when the focused tab is not a website. */
  current: (DomainDay & { isLast: boolean; tracking: boolean }) | null;
  today: { totalMs: number; top: DomainDay[]; asOfMs: number | null } | null;
  categories: Category[];
  /** The goals whose day or week is running, with their progress as the app last told (none when unpaired). */
  goals: GoalProgress[];
}

export interface FlushOutcome {
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  waiting: number;
  /** Why sending stopped early (the app is down, refused the token …). */
  error: string | null;
}

type Empty = Record<string, never>;

export interface Messages {
  /** `fresh`: fetch today's figures and the categories now (the popup just opened). */
  status: { request: { fresh?: boolean }; response: PopupStatus };
  pair: { request: { port: number; token: string }; response: { userId: string; version: string } };
  unpair: { request: Empty; response: Empty };
  pause: { request: { minutes: number }; response: Empty };
  resume: { request: Empty; response: Empty };
  flush: { request: Empty; response: FlushOutcome };
  setCategory: { request: { domain: string; category: string | null }; response: SubjectCategory };
  createCategory: {
    request: { name: string; productivity: Productivity };
    response: Category;
  };
  /**
   * For the end-to-end tests, which have no other hold on a service worker's time: moves the worker's clock
   * forward by `ms` (0 only reads it) and answers the time it then says. The popup never sends it.
   */
  advanceClock: { request: { ms: number }; response: { nowMs: number } };
}

export type MessageName = keyof Messages;
export type Request<K extends MessageName> = Messages[K]['request'];
export type Response<K extends MessageName> = Messages[K]['response'];
export type Message = { [K in MessageName]: { type: K; request: Request<K> } }[MessageName];
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers = { [K in MessageName]: (request: Request<K>) => Promise<Response<K>> };

/** The popup's side: one typed call; a failed handler becomes an Error with the user-facing message. */
export async function call<K extends MessageName>(type: K, request: Request<K>): Promise<Response<K>> {
  const reply = (await chrome.runtime.sendMessage({ type, request } as Message)) as
    Reply<Response<K>> | undefined;
  if (!reply) throw new Error('The extension did not answer; reopen this menu.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The worker's side: a runtime.onMessage listener that answers messages of this extension only. */
export function serve(handlers: Handlers, onError: (error: unknown) => string) {
  return (
    message: Message,
    sender: chrome.runtime.MessageSender,
    sendResponse: (reply: Reply<unknown>) => void,
  ) => {
    if (sender.id !== chrome.runtime.id || !message || !(message.type in handlers)) return false;
    const handler = handlers[message.type] as (request: unknown) => Promise<unknown>;
    handler(message.request).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: onError(error) }),
    );
    return true; // the answer comes asynchronously
  };
}
