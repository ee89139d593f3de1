import { HeraldError } from '@herald/sdk';

/**
 * Herald's field errors of a failed write (a 422's `details`), by field path (`communicationHours.start`),
 * so a form can show each under its input as well as in the alert.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof HeraldError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details as { path?: string; message?: string }[]) {
    if (d.path && d.message && !out[d.path]) out[d.path] = d.message;
  }
  return out;
}
