/**
 * The domain's error mapping, re-exported for the API's error handler (which may not import
 * db/ directly): database errors that mean a client mistake become 4xx, outages 503.
 */
export { translateDbError } from '../db/errors';
