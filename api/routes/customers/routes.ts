import { addRoute, type RouteTarget, type UnexpressedRule } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { namingSentPhoneField, toCustomerFields } from './fields';
import { CustomerListQuery, filtersFrom, pageFrom, sortFrom } from './listQuery';
import { CustomerCreateInput, CustomerInput, CustomerParams, DeleteQuery } from './schema';
import { CustomerDetailResponse, CustomerListResponse, CustomerResponse } from './views';

/** What the customer schema cannot state: phone validity by libphonenumber, and the name length after joining. */
const CUSTOMER_RULES: readonly UnexpressedRule[] = [
  {
    status: 422,
    rule: 'every phone (phone, phoneNumber, contactNumber, alternativePhones) must be a number libphonenumber accepts, read in the default region when it has no country code; it is stored in E.164',
  },
  { status: 422, rule: 'the full name (fullName, name or contact_name, or firstName and lastName joined) must be 2 to 100 characters' },
];

/** Customer CRUD: create, list, get, full and partial update, delete (soft or permanent). */
export function customerRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/customers',
    unexpressed: CUSTOMER_RULES,
    summary: 'Create a customer',
    tag: 'Customers',
    auth: WRITERS,
    idempotent: true,
    body: CustomerCreateInput,
    responses: {
      201: { description: 'Created', schema: CustomerResponse },
      409: { description: 'Email, phone or externalId already used; details name the existing customer' },
    },
    handler: async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = { data: await namingSentPhoneField(body, () => ctx.domain.customers.create(commandContext(ctx), toCustomerFields(body))) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers',
    unexpressed: [{ status: 404, rule: 'segmentId must name a segment of this tenant' }],
    summary: 'List customers with filters, sorting and page or cursor pagination',
    tag: 'Customers',
    auth: READERS,
    query: CustomerListQuery,
    responses: { 200: { description: 'A page of customers', schema: CustomerListResponse } },
    handler: async (ctx, { query }) => {
      const tenantId = tenantOf(ctx);
      const predicate = query.segmentId ? await ctx.domain.segments.predicateFor(tenantId, query.segmentId) : undefined;
      ctx.body = await ctx.domain.customers.list(tenantId, { ...filtersFrom(query), predicate }, sortFrom(query), pageFrom(query));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id',
    summary: 'Get a customer with order and conversation statistics, complaint statistics, recent orders and recent conversations',
    tag: 'Customers',
    auth: READERS,
    params: CustomerParams,
    responses: { 200: { description: 'The customer', schema: CustomerDetailResponse }, 404: { description: 'No such customer in this tenant' } },
    handler: async (ctx, { params }) => {
      const d = await ctx.domain.customers.getWithRecentOrders(tenantOf(ctx), params.id);
      const { totalComplaints, openComplaints } = d.complaintStatistics;
      ctx.body = {
        data: {
          ...d.customer,
          statistics: { ...d.customer.statistics, ...d.conversationStatistics, totalComplaints, openComplaints },
          complaintStatistics: d.complaintStatistics,
          recentOrders: d.recentOrders,
          recentConversations: d.recentConversations,
        },
      };
    },
  });
  addRoute(target, {
    method: 'put',
    path: '/api/v1/customers/:id',
    unexpressed: CUSTOMER_RULES,
    summary: 'Replace a customer (omitted fields are reset)',
    tag: 'Customers',
    auth: WRITERS,
    params: CustomerParams,
    body: CustomerCreateInput,
    responses: {
      200: { description: 'Updated', schema: CustomerResponse },
      404: { description: 'No such customer' },
      409: { description: 'Duplicate unique value' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await namingSentPhoneField(body, () => ctx.domain.customers.update(commandContext(ctx), params.id, toCustomerFields(body), true)) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/customers/:id',
    unexpressed: CUSTOMER_RULES,
    summary: 'Change some fields of a customer',
    tag: 'Customers',
    auth: WRITERS,
    params: CustomerParams,
    body: CustomerInput,
    responses: {
      200: { description: 'Updated', schema: CustomerResponse },
      404: { description: 'No such customer' },
      409: { description: 'Duplicate unique value' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await namingSentPhoneField(body, () => ctx.domain.customers.update(commandContext(ctx), params.id, toCustomerFields(body), false)) };
    },
  });
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/customers/:id',
    summary: 'Delete a customer (soft by default; ?permanent=true removes it with its orders, conversations and messages)',
    tag: 'Customers',
    auth: ['admin'],
    params: CustomerParams,
    query: DeleteQuery,
    responses: {
      204: { description: 'Deleted' },
      404: { description: 'No such customer' },
      409: {
        description: 'Permanent delete refused while orders are active or complaints open; details give activeOrders, openComplaints and openComplaintIds',
      },
    },
    handler: async (ctx, { params, query }) => {
      await ctx.domain.customers.remove(commandContext(ctx), params.id, query.permanent);
      ctx.status = 204;
    },
  });
}
