/**
 * Adds to bench/autocannon.d.ts the options the customer benchmarks use: a request list whose
 * `setupRequest` is a module path (in worker mode autocannon `require`s it in the worker, so a
 * function cannot be passed), and the context each connection starts with.
 */
declare module 'autocannon' {
  namespace autocannon {
    /** One request of a request list; the first one's fields also seed the later ones. */
    interface RequestSpec {
      method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      /** Absolute path of a module whose `module.exports` is `(request, context) => request`. */
      setupRequest?: string;
    }

    interface Options {
      requests?: RequestSpec[];
      /** Copied (deep) into every connection's context; setupRequest modules read it. */
      initialContext?: Record<string, unknown>;
    }
  }
}
