import type { Config } from './config';

/**
 * Secrets that rotate: the current key signs, earlier keys (JWT_SECRET_PREVIOUS,
 * TRACKING_SECRET_PREVIOUS) still verify, so what was signed before a change keeps working.
 */

/** The entries of a comma-separated list of secrets, trimmed, empty entries dropped. */
export const secretList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** The keys tracking and unsubscribe tokens verify with: TRACKING_SECRET (which signs), then the earlier ones. */
export const trackingKeys = (config: Config): string[] => [config.TRACKING_SECRET, ...secretList(config.TRACKING_SECRET_PREVIOUS)];

/** The keys JWT bearer tokens verify with: JWT_SECRET, then the earlier ones; none when JWT_SECRET is unset. */
export const jwtKeys = (config: Config, jwtSecret = config.JWT_SECRET): string[] => (jwtSecret ? [jwtSecret, ...secretList(config.JWT_SECRET_PREVIOUS)] : []);
