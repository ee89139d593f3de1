/** Formats for the customer pages: dates, money and names as a marketer reads them. */

/** A timestamp as local date and time, or a dash when there is none. */
export const dateTime = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString() : '—');

/** A timestamp as a local date, or a dash. */
export const date = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleDateString() : '—');

/** An amount with two decimals and thousands separators. */
export const money = (n: number | null | undefined): string => (n ?? 0).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The name to show for a customer: full name, else email, else phone, else the id. */
export const displayName = (c: { id: string; fullName: string | null; email: string | null; phone: string | null }): string =>
  c.fullName || c.email || c.phone || c.id;

/** Mantine colours for customer statuses. */
export const STATUS_COLOR: Record<string, string> = { active: 'teal.9', inactive: 'gray.7', blocked: 'red.9', suspended: 'violet.9' };
