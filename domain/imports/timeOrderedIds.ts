import { randomFillSync } from 'node:crypto';

/**
 * UUIDv7 ids (RFC 9562) for the customers an import creates. A random UUID lands on a random
 * leaf of the primary key and of every index keyed by (tenant, constant, id) — the sort indexes
 * on total_orders, total_spent, last_order_at, last_interaction_at, created_at and updated_at are
 * all constant for new customers — so a large import touches (and dirties, and WAL-logs full
 * images of) pages all over seven indexes that outgrow shared_buffers. Time-ordered ids go to
 * the right-hand edge of those indexes instead, the same few hot pages for a whole chunk.
 *
 * Layout: 48-bit Unix milliseconds, version 7, a 12-bit counter (rand_a, RFC 9562 method 1) so
 * ids made in the same millisecond still ascend, variant 10, 62 random bits.
 */

let lastMs = 0;
let counter = 0;
const pool = Buffer.alloc(8 * 1024);
let poolAt = pool.length;

/** Eight random bytes from a refilled pool (one getrandom call per thousand ids). */
function randomBytes8(out: Buffer, at: number): void {
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  pool.copy(out, at, poolAt, poolAt + 8);
  poolAt += 8;
}

/** A new UUIDv7, greater than every earlier one made by this process. */
export function uuidv7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next millisecond, the order stays strict.
    lastMs += 1;
    counter = 0;
  }
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(lastMs, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  randomBytes8(b, 8);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
