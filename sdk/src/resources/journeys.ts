import type { CreateOptions, Core, RequestOptions } from '../core';
import { iteratePages } from '../pagination';
import type {
  BodyOf,
  Journey,
  JourneyAnalytics,
  JourneyCreateParams,
  JourneyListParams,
  JourneyRun,
  JourneyRunDetail,
  JourneyRunListParams,
  JourneyVersion,
  QueryOf,
} from '../types';
import { IDEMPOTENT, WRITE } from './policies';

/** `herald.journeys`: automations on events and segments — drafts, published versions, their runs and analytics. */
export class Journeys {
  constructor(private readonly core: Core) {}

  /** One page of journeys. */
  list(query: JourneyListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/journeys', { params: { query }, signal }), options);
  }

  /** Every journey, page after page. */
  iterate(query: JourneyListParams = {}, options?: RequestOptions): AsyncGenerator<Journey, void, undefined> {
    const { page, cursor, ...filters } = query;
    return iteratePages((at) => this.list({ ...filters, ...at }, options), { page, cursor });
  }

  /** One journey: its draft, the draft's problems, status and current version. */
  async get(id: string, options?: RequestOptions): Promise<Journey> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/journeys/{id}', { params: { path: { id } }, signal }), options)).data;
  }

  /** Creates a journey as a draft (its problems are listed, not refused); retries reuse one Idempotency-Key. */
  async create(body: JourneyCreateParams, options: CreateOptions = {}): Promise<Journey> {
    const key = this.core.idempotencyKey(options.idempotencyKey);
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) => this.core.api.POST('/api/v1/journeys', { params: { header: { 'Idempotency-Key': key } }, body, signal }),
        options,
      )
    ).data;
  }

  /** Replaces the draft (published versions never change). */
  async update(id: string, body: BodyOf<'/api/v1/journeys/{id}', 'put'>, options?: RequestOptions): Promise<Journey> {
    return (await this.core.run(IDEMPOTENT, (signal) => this.core.api.PUT('/api/v1/journeys/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Deletes a draft or archived journey with its runs. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(IDEMPOTENT, (signal) => this.core.api.DELETE('/api/v1/journeys/{id}', { params: { path: { id } }, signal }), options);
  }

  /** Publishes the draft as a new version; `migrate.map` moves open runs of older versions. */
  async publish(id: string, body: BodyOf<'/api/v1/journeys/{id}/publish', 'post'> = {}, options?: RequestOptions): Promise<Journey> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/journeys/{id}/publish', { params: { path: { id } }, body, signal }), options))
      .data;
  }

  /** Holds every run in place. */
  async pause(id: string, options?: RequestOptions): Promise<Journey> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/journeys/{id}/pause', { params: { path: { id } }, signal }), options)).data;
  }

  /** Resumes a paused journey; timers that expired meanwhile fire at once or are moved by the pause. */
  async resume(id: string, body: BodyOf<'/api/v1/journeys/{id}/resume', 'post'> = {}, options?: RequestOptions): Promise<Journey> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/journeys/{id}/resume', { params: { path: { id } }, body, signal }), options))
      .data;
  }

  /** Stops new entries; open runs finish. */
  async archive(id: string, options?: RequestOptions): Promise<Journey> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/journeys/{id}/archive', { params: { path: { id } }, signal }), options)).data;
  }

  /** The published versions, newest first. */
  async versions(id: string, options?: RequestOptions): Promise<JourneyVersion[]> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/journeys/{id}/versions', { params: { path: { id } }, signal }), options)).data;
  }

  /** Per-node, per-edge, per-send and goal counts of one version (the current one by default). */
  async analytics(id: string, query: QueryOf<'/api/v1/journeys/{id}/analytics', 'get'> = {}, options?: RequestOptions): Promise<JourneyAnalytics> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/journeys/{id}/analytics', { params: { path: { id }, query }, signal }), options)).data;
  }

  /** One page of the journey's runs (filters: node, state, customer, version). */
  runs(id: string, query: JourneyRunListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/journeys/{id}/runs', { params: { path: { id }, query }, signal }), options);
  }

  /** Every run matching the filters, page after page. */
  iterateRuns(id: string, query: JourneyRunListParams = {}, options?: RequestOptions): AsyncGenerator<JourneyRun, void, undefined> {
    const { cursor, ...filters } = query;
    return iteratePages((at) => this.runs(id, { ...filters, ...at }, options), { cursor });
  }

  /** One run with its step log: what it did, when, why it branched, what it sent. */
  async run(id: string, runId: string, options?: RequestOptions): Promise<JourneyRunDetail> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/journeys/{id}/runs/{runId}', { params: { path: { id, runId } }, signal }), options))
      .data;
  }
}
