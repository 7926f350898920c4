/**
 * Who a window source tells when the focus or a title changed (its optional `onChange`): each listener is
 * called in turn, and one that throws is reported without keeping the others from hearing.
 */
export class ChangeListeners {
  private readonly listeners = new Set<() => void>();
  private readonly onError: (err: unknown) => void;

  constructor(onError: (err: unknown) => void) {
    this.onError = onError;
  }

  /** Returns an unsubscribe. */
  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (err) {
        this.onError(err);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
