import type { AuthEvent, Session } from './types.js';

/** A listener of `onAuthStateChange`. */
export type AuthListener = (event: AuthEvent, session: Session | null) => void;

/**
 * Delivers auth events to listeners, always later in a task of their own: never inside the refresh lock, never in
 * the middle of the SDK's own bookkeeping, and a throwing listener hurts no other.
 */
export class EventBus {
  private readonly listeners = new Set<AuthListener>();

  subscribe(listener: AuthListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  emit(event: AuthEvent, session: Session | null): void {
    const listeners = [...this.listeners];
    setTimeout(() => {
      for (const listener of listeners) {
        try {
          listener(event, session);
        } catch (error) {
          // A listener's own bug must not stop the others or the SDK; it is reported as the page's own errors are.
          const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
          if (typeof report === 'function') {
            report(error);
          } else {
            console.error(error);
          }
        }
      }
    }, 0);
  }
}
