import type { DueCursor, DueDelivery } from './ledger';

/** The longest a read cursor is followed before reading from the start of the due order again. */
export const RESTART_MS = 5000;

/** Reads up to `limit` due deliveries after `cursor` (from the start when null), leaving out `skip`. */
export type ReadDue = (cursor: DueCursor | null, skip: string[], limit: number) => Promise<DueDelivery[]>;

/**
 * A dispatcher's read-ahead queue: deliveries read and not yet started, oldest due first, read in
 * the background so sending never waits for a read. It follows a keyset cursor through the due
 * order and goes back to the start when a read reaches the end and at least every RESTART_MS, so
 * rows that became due behind it (a retry, a replay, a relay transaction that began before the
 * last read) are found. Every delivery read and not settled yet is `held`, so a read never
 * returns it again; the caller releases it once its attempt is settled (or was not sent).
 */
export function createDueQueue(read: ReadDue, hooks: { onReadDone(): void; onReadError(err: unknown): void }, now: () => number = Date.now) {
  // Oldest first from `head` (an index, so taking one is O(1)).
  let queue: DueDelivery[] = [];
  let head = 0;
  const held = new Set<string>();
  let reading: Promise<void> | null = null;
  let cursor: DueCursor | null = null;
  let cursorSince = now();
  // `fresh`: there may be due work to read. `notices` counts wake-ups, so a read that comes back
  // short does not clear a notice that arrived while it ran.
  let fresh = true;
  let notices = 0;

  return {
    /** A notification for the endpoint: new work may be due, even if a read running now comes back short. */
    notice(): void {
      fresh = true;
      notices++;
    },
    /** A wait for a known due time ended: there is work to read. */
    due(): void {
      fresh = true;
    },
    /**
     * Starts a background read when the queue is down to half of `depth`, there may be work, and
     * no read runs; it asks for what fills the queue to `depth`.
     */
    readAhead(depth: number): void {
      const queued = queue.length - head;
      const want = depth - queued;
      if (reading || !fresh || queued > depth / 2 || want <= 0) return;
      const seen = notices;
      if (now() - cursorSince > RESTART_MS) cursor = null;
      if (cursor === null) cursorSince = now();
      reading = read(cursor, cursor ? [] : [...held], want)
        .then((rows) => {
          if (rows.length < want) {
            cursor = null;
            if (seen === notices) fresh = false;
          } else {
            const last = rows[rows.length - 1]!;
            cursor = { dueKey: last.dueKey, id: last.id };
          }
          if (head > 0) {
            queue = queue.slice(head);
            head = 0;
          }
          for (const d of rows) {
            if (held.has(d.id)) continue;
            held.add(d.id);
            queue.push(d);
          }
        })
        .catch(hooks.onReadError)
        .finally(() => {
          reading = null;
          hooks.onReadDone();
        });
    },
    /** The next delivery to send, or undefined when none is read. */
    take(): DueDelivery | undefined {
      return head < queue.length ? queue[head++] : undefined;
    },
    /** Deliveries read and not yet taken. */
    get queued(): number {
      return queue.length - head;
    },
    /** The read in progress, if any (awaited before the run ends). */
    get reading(): Promise<void> | null {
      return reading;
    },
    /** Forgets a delivery once its attempt is settled or it was not sent: a later read may return it again. */
    release(id: string): void {
      held.delete(id);
    },
  };
}

/** A dispatcher's read-ahead queue; see {@link createDueQueue}. */
export type DueQueue = ReturnType<typeof createDueQueue>;
