/** `timeaudit token`: prints the API token alone on stdout, so that scripts can capture it. */
import { loadOrCreateToken } from '../server/token.ts';

export function tokenCommand(dataDir: string): void {
  console.log(loadOrCreateToken(dataDir));
}
