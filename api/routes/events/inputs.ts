import type { z } from 'zod';
import type { IdentifyInput, TrackInput } from '../../../domain/customerEvents/types';
import type { IdentifyCall, TrackCall } from './schema';

/** A parsed track body as the domain takes it (externalId is userId's other name; userId wins). */
export function trackInputOf(body: z.output<typeof TrackCall>, sharedContext?: Record<string, unknown>): TrackInput {
  const context = body.context ?? sharedContext;
  return {
    userId: body.userId ?? body.externalId,
    anonymousId: body.anonymousId,
    email: body.email,
    event: body.event,
    properties: body.properties,
    ...(body.timestamp ? { timestamp: body.timestamp } : {}),
    ...(body.messageId ? { messageId: body.messageId } : {}),
    ...(context ? { context } : {}),
  };
}

/** A parsed identify body as the domain takes it. */
export function identifyInputOf(body: z.output<typeof IdentifyCall>): IdentifyInput {
  return { userId: body.userId, anonymousId: body.anonymousId, email: body.email, traits: body.traits };
}
