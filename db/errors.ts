import { AppError, conflict, unavailable } from '../lib/errors';

/** The fields of a node-postgres error that Herald reads. */
interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

const isPgError = (err: unknown): err is PgError =>
  typeof err === 'object' && err !== null && typeof (err as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((err as PgError).code ?? '');

/**
 * Maps a Postgres error to the client-facing error it means, or undefined when it is a bug.
 * Constraint names are reported (they name the rule that failed); values and SQL are not.
 */
export function translateDbError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (!isPgError(err)) {
    const message = err instanceof Error ? err.message : '';
    // The pool's acquire timeout, a refused or dropped connection, and pg's own connect timeout
    // (connectionTimeoutMillis: "timeout expired") all mean the database is out of reach for now.
    if (/Knex: Timeout acquiring a connection|ECONNREFUSED|Connection terminated|^timeout expired$|connection error and is not queryable/i.test(message))
      return unavailable('The database is unavailable');
    return undefined;
  }
  switch (err.code) {
    case '23505':
      return conflict('A record with the same unique value already exists', { constraint: err.constraint });
    case '23503':
      return conflict('The record is referenced by, or references, another record', { constraint: err.constraint });
    case '23514':
      return new AppError(422, 'validation_failed', 'A value breaks a data rule', { constraint: err.constraint });
    case '40001':
    case '40P01':
      return new AppError(409, 'retry', 'The change collided with a concurrent one; retry it');
    case '57014':
      return unavailable('The query took too long');
    case '57P01':
    case '57P03':
    case '08006':
    case '08001':
      return unavailable('The database is unavailable');
    default:
      return undefined;
  }
}
