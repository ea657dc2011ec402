/**
 * One import at a time per server process: reading, checking and writing a large file takes the server's memory
 * and one of its cores for seconds to minutes, so a second import waits its turn instead of doubling both. Whoever
 * waits is told where they are in line, and again each time the line moves; one who gives up (closes the page)
 * leaves the line. First come, first served.
 */

export class ImportLineFullError extends Error {
  constructor(readonly waiting: number) {
    super(
      `The server is busy with ${waiting} import${waiting === 1 ? '' : 's'} waiting their turn; try again in a few minutes. ` +
        'Nothing was saved.',
    );
  }
}

export class ImportLineLeftError extends Error {
  constructor() {
    super('The import was cancelled while it waited its turn; nothing was saved.');
  }
}

interface Waiter {
  start: () => void;
  onPosition?: (position: number) => void;
}

/** More than this many waiting is refused: each waiter holds its upload (up to the size limit) in memory. */
export const MAX_WAITING_IMPORTS = 20;

export class ImportLine {
  private running = false;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly maxWaiting = MAX_WAITING_IMPORTS) {}

  /** Imports waiting (not counting the one running). */
  get length(): number {
    return this.waiting.length;
  }

  get busy(): boolean {
    return this.running;
  }

  /**
   * Runs `work` when every import ahead of it has finished. `onPosition(n)` is called with n ≥ 1 (1: next) when it
   * has to wait, and each time it moves up; never when it starts at once. An abort while waiting leaves the line
   * (ImportLineLeftError); once started, the work runs to its end.
   */
  async run<T>(work: () => Promise<T>, onPosition?: (position: number) => void, signal?: AbortSignal): Promise<T> {
    if (this.running || this.waiting.length > 0) {
      if (this.waiting.length >= this.maxWaiting) throw new ImportLineFullError(this.waiting.length);
      if (signal?.aborted) throw new ImportLineLeftError();
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { start: resolve, onPosition };
        const leave = () => {
          const index = this.waiting.indexOf(waiter);
          if (index < 0) return;
          this.waiting.splice(index, 1);
          this.announce(index);
          reject(new ImportLineLeftError());
        };
        waiter.start = () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        };
        signal?.addEventListener('abort', leave, { once: true });
        this.waiting.push(waiter);
        onPosition?.(this.waiting.length);
      });
    } else {
      this.running = true;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        next.start();
        this.announce(0);
      } else {
        this.running = false;
      }
    }
  }

  /** Tells everyone from `from` on their new place. */
  private announce(from: number): void {
    for (let index = from; index < this.waiting.length; index += 1) this.waiting[index]?.onPosition?.(index + 1);
  }
}

const KEY = Symbol.for('abate.importLine');

/** The server process's one line (kept on globalThis: a bundler may load this module more than once). */
export function importLine(): ImportLine {
  const holder = globalThis as typeof globalThis & { [KEY]?: ImportLine };
  return (holder[KEY] ??= new ImportLine());
}
