import type { Core, RequestOptions } from '../core';
import { iteratePages } from '../pagination';
import type { BodyOf, Import, ImportListParams, ImportOptions, ImportRowError, QueryOf, ResponseOf } from '../types';
import { IDEMPOTENT, WRITE } from './policies';

/**
 * What an import reads: CSV or NDJSON text, bytes or a Blob, a stream (a Node Readable, any
 * async iterable of chunks, or a web ReadableStream: sent as it is read, never buffered), or an
 * array of customer objects (sent as JSON, within Herald's JSON body limit).
 */
export type ImportSource =
  string | Blob | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | ReadonlyArray<Record<string, unknown>>;

/** Options of {@link Imports.create}. */
export interface ImportCreateOptions extends RequestOptions {
  /** How text, bytes and streams are read (default csv); arrays are always JSON. */
  format?: 'csv' | 'ndjson';
  /** Duplicate handling, dedupe keys, column mapping, dry run, … */
  options?: ImportOptions;
}

const CONTENT_TYPES = { csv: 'text/csv', ndjson: 'application/x-ndjson', json: 'application/json' } as const;

/** Query options as Herald reads them: lists comma-separated, objects (mapping) as JSON. */
function serializeOptions(options: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    search.set(name, Array.isArray(value) ? value.join(',') : typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return search.toString();
}

const isWebStream = (source: unknown): source is ReadableStream<Uint8Array> =>
  typeof source === 'object' && source !== null && typeof (source as { getReader?: unknown }).getReader === 'function';
const isAsyncIterable = (source: unknown): source is AsyncIterable<Uint8Array | string> =>
  typeof source === 'object' && source !== null && Symbol.asyncIterator in source;

/** Chunks as bytes: a Node Readable with an encoding set yields strings, which fetch does not send. */
async function* asBytes(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of source) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** `herald.imports`: bulk customer imports with live progress and per-row errors. */
export class Imports {
  constructor(private readonly core: Core) {}

  /**
   * Uploads customers and answers the queued import (202); poll {@link get} for progress. Text,
   * bytes, Blobs and arrays are re-sent on 429/503; a stream is read once, so it is not retried.
   * An upload has no time limit unless `timeoutMs` is given: Herald answers once it has staged
   * every row, which takes as long as the file takes to send.
   */
  async create(source: ImportSource, options: ImportCreateOptions = {}): Promise<Import> {
    const json = Array.isArray(source);
    const stream = isWebStream(source) || isAsyncIterable(source);
    const body = json ? JSON.stringify(source) : !isWebStream(source) && isAsyncIterable(source) ? asBytes(source) : source;
    const contentType = CONTENT_TYPES[json ? 'json' : (options.format ?? 'csv')];
    const result = await this.core.run(
      { idempotent: false, replayable: !stream },
      (signal) =>
        this.core.api.POST('/api/v1/imports', {
          params: { query: options.options },
          querySerializer: serializeOptions,
          // The body goes out as given (text, bytes or a stream); openapi-fetch would JSON-encode it.
          body: body as never,
          bodySerializer: (b: unknown) => b,
          headers: { 'Content-Type': contentType },
          ...(stream ? { duplex: 'half' as const } : {}),
          signal,
        }),
      { ...options, timeoutMs: options.timeoutMs ?? 0 },
    );
    return result.data;
  }

  /** Seed 001's synchronous import of up to 1,000 customers, with the outcome of every row. */
  bulk(body: BodyOf<'/api/v1/customers/bulk/import', 'post'>, options?: RequestOptions) {
    return this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/customers/bulk/import', { body, signal }), options);
  }

  /** One import with live progress (counts, rows/s, ETA). */
  async get(id: string, options?: RequestOptions): Promise<Import> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/imports/{id}', { params: { path: { id } }, signal }), options)).data;
  }

  /** One page of the tenant's imports, newest first. */
  list(query: ImportListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/imports', { params: { query }, signal }), options);
  }

  /** Every import, page after page. */
  iterate(query: ImportListParams = {}, options?: RequestOptions): AsyncGenerator<Import, void, undefined> {
    const { page, cursor, ...filters } = query;
    return iteratePages((at) => this.list({ includeTotal: 'false', ...filters, ...at }, options), { page, cursor });
  }

  /** One page of an import's failed rows (row number, field, reason). */
  errors(
    id: string,
    query: Omit<QueryOf<'/api/v1/imports/{id}/errors', 'get'>, 'format'> = {},
    options?: RequestOptions,
  ): Promise<ResponseOf<'/api/v1/imports/{id}/errors', 'get'>> {
    // format=json picks the JSON body of the two this operation documents (JSON or CSV).
    return this.core.read(
      (signal) => this.core.api.GET('/api/v1/imports/{id}/errors', { params: { path: { id }, query: { ...query, format: 'json' } }, signal }),
      options,
    ) as Promise<ResponseOf<'/api/v1/imports/{id}/errors', 'get'>>;
  }

  /** Every failed row of an import, page after page. */
  iterateErrors(id: string, query: { limit?: number } = {}, options?: RequestOptions): AsyncGenerator<ImportRowError, void, undefined> {
    return iteratePages((at) => this.errors(id, { ...query, page: at.page }, options));
  }

  /** Every failed row as one CSV text (row, field, reason). */
  errorsCsv(id: string, options?: RequestOptions): Promise<string> {
    return this.core.read(
      (signal) => this.core.api.GET('/api/v1/imports/{id}/errors', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'text', signal }),
      options,
    );
  }

  /** Cancels an import; rows already imported stay. */
  async cancel(id: string, options?: RequestOptions): Promise<Import> {
    return (await this.core.run(IDEMPOTENT, (signal) => this.core.api.POST('/api/v1/imports/{id}/cancel', { params: { path: { id } }, signal }), options)).data;
  }
}
