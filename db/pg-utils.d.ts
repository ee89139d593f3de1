/** The part of node-postgres's internal utils Herald uses: the same value encoding pg applies to query parameters. */
declare module 'pg/lib/utils' {
  /** Encodes a JS value as the text pg sends for a parameter (dates, arrays, buffers, JSON), or null. */
  export function prepareValue(value: unknown): string | Buffer | null;
}
