/** The part of the Web Locks API the SDK uses (`navigator.locks`). */
export interface LockManagerLike {
  request<T>(name: string, options: { mode?: 'exclusive'; signal?: AbortSignal; steal?: boolean }, callback: () => Promise<T>): Promise<T>;
}

/**
 * Runs one refresh at a time: a single promise shared by every caller in this tab, and an exclusive Web Lock across
 * the tabs of the origin. A lock that is not granted within `timeoutMs` (a frozen or crashed tab holds it) is stolen.
 * What the work returns is handed to `after` once the lock is released, so no user callback runs inside it.
 */
export class RefreshCoordinator<T> {
  private inFlight: Promise<T> | null = null;

  constructor(
    private readonly name: string,
    private readonly locks: LockManagerLike | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Whether a run is under way in this tab. */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  /**
   * Runs `work` once at a time. Its signal fires when another tab stole the lock from this one: the work must then
   * send and store nothing more (the thief does the refresh).
   */
  run(work: (signal: AbortSignal) => Promise<T>, after?: (result: T) => void): Promise<T> {
    if (this.inFlight) {
      return this.inFlight;
    }
    const run = this.withLock(work).then(
      (result) => {
        this.inFlight = null;
        after?.(result);
        return result;
      },
      (error: unknown) => {
        this.inFlight = null;
        throw error;
      },
    );
    this.inFlight = run;
    return run;
  }

  private async withLock(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const held = new AbortController();
    if (!this.locks) {
      return work(held.signal);
    }
    const waiting = new AbortController();
    const timer = setTimeout(() => waiting.abort(), this.timeoutMs);
    let running = false;
    try {
      return await this.locks.request(this.name, { mode: 'exclusive', signal: waiting.signal }, () => {
        clearTimeout(timer);
        running = true;
        return work(held.signal);
      });
    } catch (error) {
      if (running) {
        // The lock was stolen while this tab held it: the browser rejects the request but lets the callback run on,
        // so the work is told to stop.
        held.abort();
        throw error;
      }
      if ((error as { name?: string }).name === 'AbortError' && waiting.signal.aborted) {
        // The holder did not let go in time (a frozen tab): take the lock; the holder's work is told to stop.
        const mine = new AbortController();
        return this.locks.request(this.name, { steal: true }, () => work(mine.signal));
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
