/** What the popup's cards get besides the worker's status: the popup's own small state, and its actions. */
import type { Productivity } from '../../../app/shared/report.ts';

export interface UiState {
  busy: boolean;
  /** The result of the last action, shown under the controls. */
  message: { kind: 'error' | 'info'; text: string } | null;
  newCategory: boolean;
  /** The pairing form while paired ("Change pairing"). */
  pairing: boolean;
}

export interface Actions {
  pair(port: string, token: string): void;
  showPairing(show: boolean): void;
  pause(minutes: number): void;
  resume(): void;
  flush(): void;
  setCategory(domain: string, category: string | null): void;
  showNewCategory(show: boolean): void;
  createCategory(domain: string, name: string, productivity: Productivity): void;
}
