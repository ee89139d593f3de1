import pino, { type Logger } from 'pino';

/**
 * Builds the process logger. JSON lines to stdout in every mode, so the same output
 * feeds a terminal, a log shipper or a test harness; secrets are redacted at the source.
 */
export function createLogger(level: string, name = 'herald'): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.secret', '*.token'], censor: '[redacted]' },
  });
}

export type { Logger };
