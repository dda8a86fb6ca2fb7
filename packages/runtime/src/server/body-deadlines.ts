/** One body being read: when it must be complete, and what to do when it is not. */
export interface Deadline {
  /** `performance.now()` time (monotonic: a wall-clock change moves no deadline). */
  readonly at: number;
  readonly onExpire: () => void;
  prev: Deadline | undefined;
  next: Deadline | undefined;
}

/**
 * The deadlines of the request bodies a node listener is reading, all with the same timeout,
 * under one timer instead of a node Timeout per request (creating and clearing one is about a
 * microsecond of a small request's cost). Requests come in order, so appending keeps the list
 * sorted by deadline: adding appends, finishing unlinks, and the one timer waits for the oldest.
 */
export class BodyDeadlines {
  readonly #timeoutMs: number;
  #head: Deadline | undefined;
  #tail: Deadline | undefined;
  /** The armed timer, if any; it wakes at or after the deadline of the head it was armed for. */
  #timer: NodeJS.Timeout | undefined;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  /** Calls `onExpire` once `timeoutMs` from now, unless `remove` is called first. */
  add(onExpire: () => void): Deadline {
    const deadline: Deadline = {
      at: performance.now() + this.#timeoutMs,
      onExpire,
      prev: this.#tail,
      next: undefined,
    };
    if (this.#tail) this.#tail.next = deadline;
    else this.#head = deadline;
    this.#tail = deadline;
    if (!this.#timer) this.#arm(this.#timeoutMs);
    return deadline;
  }

  /** Forgets a deadline (its body is complete or failed); removing it twice is harmless. */
  remove(deadline: Deadline): void {
    const { prev, next } = deadline;
    if (prev === undefined && this.#head !== deadline) return; // not in the list
    if (prev) prev.next = next;
    else this.#head = next;
    if (next) next.prev = prev;
    else this.#tail = prev;
    deadline.prev = deadline.next = undefined;
    // The timer stays armed: when it fires it waits for the new head, or stops if none is left.
  }

  #arm(delayMs: number): void {
    this.#timer = setTimeout(() => this.#expire(), Math.max(1, delayMs));
    this.#timer.unref();
  }

  #expire(): void {
    this.#timer = undefined;
    const now = performance.now();
    // Bounded: each pass removes the head it expires.
    while (this.#head && this.#head.at <= now) {
      const due = this.#head;
      this.remove(due);
      due.onExpire();
    }
    if (this.#head) this.#arm(this.#head.at - now);
  }
}
