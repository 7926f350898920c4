/** The app itself: whether it answers (no token needed), and what a client learns when it pairs. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { endpoint } from './endpoint.ts';

export const healthResponse = z.object({
  ok: z.literal(true),
  version: z.string(),
  schema_version: z.number(),
});
export type Health = z.infer<typeof healthResponse>;

/** What a client learns when it pairs: whose data this is, and which app it talks to. */
export interface Pairing {
  user_id: string;
  version: string;
  /** Seconds without input after which the app counts the user as away; the extension uses the same. */
  idle_seconds: number;
}

export const pairingApi = {
  health: endpoint<Health>()({ ...ROUTES.health }),
  pairing: endpoint<Pairing>()({ ...ROUTES.pairing }),
};
