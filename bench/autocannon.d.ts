/**
 * autocannon ships no types and has no @types package; this declares only what the HTTP
 * benchmarks use, so the rest of its API stays out of reach until someone types it properly.
 */
declare module 'autocannon' {
  namespace autocannon {
    /** Options for one load run. */
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      pipelining?: number;
      workers?: number;
      method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      headers?: Record<string, string>;
      body?: string;
    }

    /** Percentile summary autocannon reports per metric (latency in ms, requests per second). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p99: number;
    }

    /** Aggregated outcome of a run. */
    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      latency: Histogram;
      requests: Histogram & { sent: number };
      throughput: Histogram;
    }
  }

  /** Without a callback autocannon returns a thenable tracker; awaiting it yields the result. */
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;

  export = autocannon;
}
