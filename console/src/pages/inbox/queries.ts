import type { components } from '@herald/sdk';
import { useQuery } from '@tanstack/react-query';
import { api, herald } from '../../client/herald';
import { useSession } from '../../app/session';

/** One thread as the inbox lists it (without its messages). */
export type Conversation = components['schemas']['Conversation'];

/** One message of a thread. */
export type ConversationMessage = components['schemas']['ConversationMessage'];

/** One thread with its messages, oldest first. */
export type ConversationWithMessages = components['schemas']['ConversationResponse']['data'];

/** The statuses a thread can have, in the order the filter offers them. */
export const STATUSES = ['open', 'pending', 'resolved'] as const;

/** The inbox filters `GET /api/v1/conversations` takes that the page offers. */
export interface InboxFilters {
  status: (typeof STATUSES)[number] | null;
  assignee: string | null;
}

/** Query keys of the inbox: every key starts with `inbox`, so one invalidation refreshes the area. */
export const inboxKeys = {
  all: ['inbox'] as const,
  list: (filters: InboxFilters) => ['inbox', 'list', filters] as const,
  thread: (id: string) => ['inbox', 'thread', id] as const,
  members: ['inbox', 'members'] as const,
};

/** The first 50 threads matching the filters, by last message (the API's order). */
export const fetchThreads = (filters: InboxFilters) =>
  herald.call(
    (signal) =>
      api.GET('/api/v1/conversations', {
        params: { query: { limit: 50, includeTotal: 'false', status: filters.status ?? undefined, assignee: filters.assignee ?? undefined } },
        signal,
      }),
    { idempotent: true },
  );

/** One thread with its messages. */
export const fetchThread = async (id: string): Promise<ConversationWithMessages> =>
  (await herald.call((signal) => api.GET('/api/v1/conversations/{id}', { params: { path: { id } }, signal }), { idempotent: true })).data;

/** What `PATCH /conversations/:id` may change from the inbox. */
export type ThreadChange = { status?: Conversation['status']; assignee?: string | null };

/** Changes a thread's status or assignee; answers the thread after the change. */
export const updateThread = async (id: string, change: ThreadChange): Promise<Conversation> =>
  (await herald.call((signal) => api.PATCH('/api/v1/conversations/{id}', { params: { path: { id } }, body: change, signal }))).data;

/** A reply (free text), an internal note, or a WhatsApp template. */
export type ReplyInput = { body?: string; internal?: boolean; contentSid?: string };

/**
 * Posts a message on a thread; the API stores it `queued` and the worker sends it. One
 * Idempotency-Key per submission, so a retried request never sends the reply twice.
 */
export async function postReply(id: string, reply: ReplyInput) {
  const key = globalThis.crypto.randomUUID();
  const answer = await herald.call(
    (signal) => api.POST('/api/v1/conversations/{id}/messages', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: reply, signal }),
    { idempotent: true },
  );
  return answer.data;
}

/**
 * The people a thread can be assigned to, by email: the tenant's members (`GET /api/v1/users`,
 * which every role may read), the signed-in person always among them. The inbox shows the
 * assign control to writers only.
 */
export function useAssignees(): string[] {
  const me = useSession();
  const members = useQuery({
    queryKey: inboxKeys.members,
    staleTime: 60_000,
    queryFn: async () =>
      (await herald.call((signal) => api.GET('/api/v1/users', { params: { query: { limit: 100, includeTotal: 'false' } }, signal }), { idempotent: true }))
        .data,
  });
  const emails = new Set<string>([me.user.email, ...(members.data ?? []).map((m) => m.email)]);
  return [...emails].sort();
}
