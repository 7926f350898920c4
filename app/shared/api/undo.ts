/** Undoing a delete (a category, a rule, a goal, a manual entry) with the token its answer carried. */
import { z } from 'zod';
import { ROUTES } from '../routes.ts';
import { endpoint } from './endpoint.ts';

export const undoBody = z.object({ token: z.string().min(1).max(64) }).strict();

export interface Undone {
  undone: true;
}

export const undoApi = {
  undoDelete: endpoint<Undone>()({ ...ROUTES.undoDelete, body: undoBody }),
};
