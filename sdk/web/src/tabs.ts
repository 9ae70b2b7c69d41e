import type { Session } from './types.js';

/** A message between the tabs of one origin. */
export type TabMessage = { type: 'session'; session: Session } | { type: 'signed_out'; sid?: string };

/** The part of BroadcastChannel the SDK uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/**
 * Tells the other tabs of a new session or a sign-out: BroadcastChannel where it exists; otherwise the `storage` event
 * of a shared Web Storage carries the same news (the session key changes or is removed).
 */
export class TabLink {
  private readonly channel: ChannelLike | undefined;
  private readonly detach: (() => void) | undefined;

  constructor(name: string, storageKey: string, onMessage: (message: TabMessage) => void, scope: {
    BroadcastChannel?: new (name: string) => ChannelLike;
    addEventListener?: (type: 'storage', listener: (event: StorageEvent) => void) => void;
    removeEventListener?: (type: 'storage', listener: (event: StorageEvent) => void) => void;
  } = globalThis as never) {
    if (typeof scope.BroadcastChannel === 'function') {
      this.channel = new scope.BroadcastChannel(name);
      this.channel.addEventListener('message', (event) => {
        const message = event.data as TabMessage;
        if (message && (message.type === 'session' || message.type === 'signed_out')) {
          onMessage(message);
        }
      });
    } else if (typeof scope.addEventListener === 'function') {
      const listener = (event: StorageEvent) => {
        if (event.key !== storageKey) {
          return;
        }
        if (event.newValue === null) {
          onMessage({ type: 'signed_out' });
        } else {
          try {
            onMessage({ type: 'session', session: JSON.parse(event.newValue) as Session });
          } catch {
            // Not ours to read.
          }
        }
      };
      scope.addEventListener('storage', listener);
      this.detach = () => scope.removeEventListener?.('storage', listener);
    }
  }

  post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  close(): void {
    this.channel?.close();
    this.detach?.();
  }
}
