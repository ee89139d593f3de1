import type { Core, RequestOptions } from '../core';
import type { BodyOf } from '../types';

/** The body of a message-suggestions request. */
export type MessageSuggestionParams = BodyOf<'/api/v1/ai/message-suggestions', 'post'>;
/** The body of a message check: a draft for one channel. */
export type MessageCheckParams = BodyOf<'/api/v1/ai/message-check', 'post'>;

/**
 * `herald.ai`: seed 003's AI endpoints, computed by Herald without a model. They change nothing,
 * so they are retried like reads; they spend the AI rate-limit budget (20 a minute per user).
 */
export class Ai {
  constructor(private readonly core: Core) {}

  /** 3–5 message drafts for a goal, best score first, with the goal family and language chosen and why. */
  async messageSuggestions(body: MessageSuggestionParams, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.POST('/api/v1/ai/message-suggestions', { body, signal }), options);
  }

  /** A draft's score, its named checks and its rendering for a member of the audience. */
  async checkMessage(body: MessageCheckParams, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.POST('/api/v1/ai/message-check', { body, signal }), options)).data;
  }
}
