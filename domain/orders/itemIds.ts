import { randomBytes } from 'node:crypto';

/**
 * Ids for an order's items that sort in the order the client listed them. order_items has no
 * position column, and random UUIDs would return lines shuffled; these are UUIDv7 (RFC 9562)
 * with the millisecond clock and the line's index as the 12-bit counter, so `ORDER BY id`
 * within an order is the client's order (up to 4096 lines; orders allow 500).
 */
export function orderedItemIds(count: number, nowMs: number = Date.now()): string[] {
  return Array.from({ length: count }, (_, index) => {
    const bytes = randomBytes(16);
    bytes.writeUIntBE(nowMs, 0, 6);
    bytes[6] = 0x70 | ((index >> 8) & 0x0f);
    bytes[7] = index & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });
}
