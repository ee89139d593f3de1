/** What {@link iso} returns for a value of type T: always a string for a Date, else possibly null. */
export type IsoText<T> = T extends Date ? string : string | null;

/**
 * The one way Herald turns a timestamp into the ISO 8601 text its API and events carry. pg
 * returns timestamptz columns as Date, while values that went through JSON (outbox payloads,
 * jsonb) are strings, so both are accepted; a missing value stays null instead of becoming
 * "Invalid Date" or 1970. A Date argument is typed to give a string, so callers need no `!`.
 */
export function iso<T extends Date | string | null | undefined>(d: T): IsoText<T> {
  // A Date is formatted as it is: copying it first cost an allocation per timestamp of every customer shown.
  return (d instanceof Date ? d.toISOString() : d ? new Date(d).toISOString() : null) as IsoText<T>;
}
