import { createDueQueue, RESTART_MS, type ReadDue } from '../../domain/webhooks/dueQueue';
import type { DueCursor, DueDelivery } from '../../domain/webhooks/ledger';

const delivery = (n: number): DueDelivery => ({ id: `d${n}`, attempts: 0, body: '{}', dueKey: `2026-01-01 00:00:${String(n).padStart(2, '0')}+00` });

/**
 * A scripted ledger: each read answers with the next scripted page (and records what it was
 * asked), or waits for the test to release it.
 */
function scriptedReads() {
  const calls: Array<{ cursor: DueCursor | null; skip: string[]; limit: number }> = [];
  const pages: DueDelivery[][] = [];
  let hold: Promise<void> | null = null;
  const read: ReadDue = async (cursor, skip, limit) => {
    calls.push({ cursor, skip, limit });
    if (hold) await hold;
    return pages.shift() ?? [];
  };
  return { calls, pages, read, holdNext: (p: Promise<void>) => (hold = p) };
}

/** Lets the queue's read promise chain settle. */
const settle = () => new Promise((r) => setImmediate(r));

describe('dispatcher read-ahead queue', () => {
  it('reads in the background to the depth asked, hands deliveries out oldest first, and follows its cursor while reads come back full', async () => {
    const ledger = scriptedReads();
    let done = 0;
    const q = createDueQueue(ledger.read, {
      onReadDone: () => done++,
      onReadError: (err) => {
        throw err;
      },
    });
    ledger.pages.push([delivery(1), delivery(2)], [delivery(3)]);
    q.readAhead(2);
    expect(q.reading).not.toBeNull();
    q.readAhead(2);
    expect(ledger.calls).toHaveLength(1);
    await settle();
    expect(done).toBe(1);
    expect(q.queued).toBe(2);
    expect(ledger.calls[0]).toEqual({ cursor: null, skip: [], limit: 2 });
    // Half the depth or more still queued: no read.
    q.readAhead(2);
    expect(ledger.calls).toHaveLength(1);
    expect(q.take()?.id).toBe('d1');
    q.readAhead(2);
    await settle();
    // A full read moved the cursor past its last row, so no skip list is needed.
    expect(ledger.calls[1]).toEqual({ cursor: { dueKey: delivery(2).dueKey, id: 'd2' }, skip: [], limit: 1 });
    expect([q.take()?.id, q.take()?.id, q.take()]).toEqual(['d2', 'd3', undefined]);
  });

  it('a short read goes back to the start of the due order, skipping what it holds, and stops reading until new work is noticed', async () => {
    const ledger = scriptedReads();
    const q = createDueQueue(ledger.read, { onReadDone: () => undefined, onReadError: () => undefined });
    ledger.pages.push([delivery(1)]);
    q.readAhead(4);
    await settle();
    // The read came back short and nothing was noticed meanwhile: no more reads.
    q.readAhead(4);
    expect(ledger.calls).toHaveLength(1);
    q.notice();
    q.readAhead(4);
    expect(ledger.calls[1]).toEqual({ cursor: null, skip: ['d1'], limit: 3 });
    await settle();
    // Once its attempt is settled, d1 is released and a read may return it again.
    expect(q.take()?.id).toBe('d1');
    q.release('d1');
    q.due();
    q.readAhead(4);
    expect(ledger.calls[2]).toEqual({ cursor: null, skip: [], limit: 4 });
  });

  it('a notice that arrives while a read runs keeps the queue reading even if that read comes back short', async () => {
    const ledger = scriptedReads();
    const q = createDueQueue(ledger.read, { onReadDone: () => undefined, onReadError: () => undefined });
    let release!: () => void;
    ledger.holdNext(new Promise<void>((r) => (release = r)));
    q.readAhead(2);
    q.notice();
    release();
    await settle();
    q.readAhead(2);
    expect(ledger.calls).toHaveLength(2);
  });

  it('never queues a delivery twice, and restarts from the start of the due order after RESTART_MS', async () => {
    const ledger = scriptedReads();
    let now = 0;
    const q = createDueQueue(ledger.read, { onReadDone: () => undefined, onReadError: () => undefined }, () => now);
    ledger.pages.push([delivery(1), delivery(2)], [delivery(2), delivery(3)]);
    q.readAhead(2);
    await settle();
    q.take();
    q.take();
    q.readAhead(2);
    await settle();
    expect(ledger.calls[1]!.cursor).toEqual({ dueKey: delivery(2).dueKey, id: 'd2' });
    expect([q.take()?.id, q.take()]).toEqual(['d3', undefined]);
    now += RESTART_MS + 1;
    q.notice();
    q.readAhead(2);
    expect(ledger.calls[2]).toEqual({ cursor: null, skip: ['d1', 'd2', 'd3'], limit: 2 });
  });

  it('reports a failed read and can read again', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const q = createDueQueue(
      async () => {
        if (fail) throw new Error('connection lost');
        return [delivery(1)];
      },
      { onReadDone: () => undefined, onReadError: (err) => errors.push(err) },
    );
    q.readAhead(2);
    await settle();
    expect(errors).toHaveLength(1);
    expect(q.reading).toBeNull();
    fail = false;
    q.readAhead(2);
    await settle();
    expect(q.take()?.id).toBe('d1');
  });
});
