import type autocannon from 'autocannon';

/**
 * autocannon request lists, which bench/autocannon.d.ts does not declare. In worker mode (the
 * only mode the HTTP benchmarks use) autocannon `require`s `setupRequest` in its worker thread,
 * so it is an absolute module path, not a function; the module's `module.exports` is
 * `(request, context) => request`. tsx's hooks are inherited by the worker, so it may be TypeScript.
 */
export interface RequestSpec {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: string;
  /** A module path too: `(status, body, context, headers) => void`, called with each response. */
  onResponse?: string;
}

/** Options of a load driven by a request list. */
export interface RequestListOptions {
  requests: RequestSpec[];
  /** Copied (deeply) into every connection's context, where setupRequest modules read it. */
  initialContext?: Record<string, unknown>;
  duration?: number;
  connections?: number;
}

/** Hands request-list options to loadHttp; the one place they are cast to the declared Options. */
export const requestList = (options: RequestListOptions): Omit<autocannon.Options, 'url'> => options as unknown as Omit<autocannon.Options, 'url'>;
