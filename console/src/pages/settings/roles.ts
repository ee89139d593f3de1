/** The roles a person or an API key of the console can be given, as Herald names them. */
export const MEMBER_ROLES = [
  { value: 'admin', label: 'Admin: everything, people and keys included' },
  { value: 'member', label: 'Member: reads and changes data' },
  { value: 'readonly', label: 'Read-only: reads only' },
] as const;

/** One of {@link MEMBER_ROLES}' values. */
export type MemberRole = (typeof MEMBER_ROLES)[number]['value'];

/** A date-time of Herald's answers as the marketer's browser shows dates; "—" for none. */
export const shownDate = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString() : '—');
