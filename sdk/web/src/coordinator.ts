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

  run(work: () => Promise<T>, after?: (result: T) => void): Promise<T> {
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

  private async withLock(work: () => Promise<T>): Promise<T> {
    if (!this.locks) {
      return work();
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      return await this.locks.request(this.name, { mode: 'exclusive', signal: controller.signal }, () => {
        clearTimeout(timer);
        return work();
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError' && controller.signal.aborted) {
        // The holder did not let go in time: take the lock (its own work is aborted by the browser).
        return this.locks.request(this.name, { steal: true }, () => work());
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
