/** The windows the overview offers: each is a bucket size and how far back the API's default range reaches. */
export const RANGES = [
  { value: 'day', label: '30 days', insightPeriod: '30d' },
  { value: 'week', label: '12 weeks', insightPeriod: '84d' },
  { value: 'month', label: '12 months', insightPeriod: '365d' },
] as const;

/** One of {@link RANGES}' bucket sizes. */
export type Period = (typeof RANGES)[number]['value'];

/** The browser's IANA timezone, the overview's default (buckets are local days). */
export const browserTimezone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every IANA timezone the browser knows, for the picker (the API refuses names outside the zone database). */
export const timezones = (): string[] => {
  const zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
};

/** The change from the previous window, as a signed percentage, or null when there is no previous value. */
export function change(current: number, previous: number): number | null {
  if (!previous) return null;
  return ((current - previous) / previous) * 100;
}

/** A number as the overview shows it: grouped thousands, at most two decimals. */
export const formatNumber = (value: number): string => value.toLocaleString(undefined, { maximumFractionDigits: 2 });
