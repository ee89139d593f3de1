import { z } from 'zod';
import { PageQuery, PaginationView, pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { BlockInput, ConfigInput, CustomerParams, NoteInput, SeedConfigInput, StatusInput, TagsInput, TypeInput } from './schema';
import { CustomerResponse, NoteView, ObjectResponse } from './views';

/** Focused changes to one customer: tags, block, status, tier, notes and configuration. */
export function customerActionRoutes(target: RouteTarget): void {
  const updated = { 200: { description: 'The updated customer', schema: CustomerResponse }, 404: { description: 'No such customer' } };

  addRoute(target, {
    method: 'patch',
    path: '/api/v1/customers/:id/tags',
    summary: 'Set, add or remove tags',
    tag: 'Customers',
    auth: WRITERS,
    params: CustomerParams,
    body: TagsInput,
    responses: updated,
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.customers.changeTags(commandContext(ctx), params.id, body.action, body.tags) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/customers/:id/block',
    summary: 'Block or unblock a customer',
    tag: 'Customers',
    auth: WRITERS,
    params: CustomerParams,
    body: BlockInput,
    responses: updated,
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.customers.setBlocked(commandContext(ctx), params.id, body.isBlocked, body.blockReason) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/customers/:id/status',
    summary: 'Change the account status, with a reason',
    tag: 'Customers',
    auth: WRITERS,
    params: CustomerParams,
    body: StatusInput,
    responses: updated,
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.customers.setStatus(commandContext(ctx), params.id, body.status, body.reason) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/customers/:id/type',
    summary: 'Change the tier (customerType), with an optional note',
    tag: 'Customers',
    auth: WRITERS,
    params: CustomerParams,
    body: TypeInput,
    responses: updated,
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.customers.setTier(commandContext(ctx), params.id, body.customerType, body.notes) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/customers/:id/notes',
    summary: 'Add a note to the notes log',
    tag: 'Customers',
    auth: WRITERS,
    idempotent: true,
    params: CustomerParams,
    body: NoteInput,
    responses: { 201: { description: 'The note', schema: z.object({ data: NoteView }) }, 404: { description: 'No such customer' } },
    handler: async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = { data: await ctx.domain.customers.addNote(commandContext(ctx), params.id, body.content) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/notes',
    summary: 'The notes log, newest first, page or cursor pagination',
    tag: 'Customers',
    auth: READERS,
    params: CustomerParams,
    query: z.object(PageQuery),
    responses: {
      200: { description: 'A page of notes', schema: z.object({ data: z.array(NoteView), pagination: PaginationView }).meta({ id: 'CustomerNoteList' }) },
      404: { description: 'No such customer' },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = await ctx.domain.customers.listNotes(tenantOf(ctx), params.id, pageRequestOf(query));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/config',
    summary: 'Per-customer key/value configuration',
    tag: 'Customers',
    auth: READERS,
    params: CustomerParams,
    responses: { 200: { description: 'The configuration map', schema: ObjectResponse }, 404: { description: 'No such customer' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.customers.getConfig(tenantOf(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'put',
    path: '/api/v1/customers/:id/config',
    summary: 'Set configuration keys (null removes a key)',
    tag: 'Customers',
    auth: WRITERS,
    params: CustomerParams,
    body: ConfigInput,
    responses: { 200: { description: 'The configuration map', schema: ObjectResponse }, 404: { description: 'No such customer' } },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.customers.setConfig(commandContext(ctx), params.id, body) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/customer/config',
    summary: "Seed 004's form: { customer_id, key: value, … }",
    tag: 'Customers',
    auth: WRITERS,
    body: SeedConfigInput,
    responses: { 200: { description: 'The configuration map', schema: ObjectResponse }, 404: { description: 'No such customer' } },
    handler: async (ctx, { body }) => {
      const { customer_id: customerId, ...values } = body;
      ctx.body = { data: await ctx.domain.customers.setConfig(commandContext(ctx), customerId, values) };
    },
  });
}
