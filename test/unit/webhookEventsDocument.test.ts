import { buildOpenApiDocument } from '../../api/openapi';
import { buildRouter } from '../../api/routes';
import { EVENT_CATALOGUE, EVENT_TYPE_NAMES } from '../../domain/events/catalogue';
import { EVENT_TYPES } from '../../domain/webhooks/eventTypes';

/**
 * The OpenAPI document's top-level `webhooks` object is generated from the event catalogue: one
 * entry per event type, each with its own body schema (the envelope around that type's data),
 * the Standard Webhooks headers and what the receiver's answers do.
 */
describe('webhooks in the OpenAPI document', () => {
  const doc = buildOpenApiDocument(buildRouter().registry) as any;
  const pascal = (type: string) =>
    type
      .split(/[._]/)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');
  const resolve = (ref: { $ref: string }) =>
    ref.$ref
      .split('/')
      .slice(1)
      .reduce((node: any, key) => node[key], doc);

  it('has exactly one entry per catalogue type, and the subscribable catalogue lists the same types', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPE_NAMES].sort());
    expect(EVENT_TYPES.map((t) => t.type)).toEqual(EVENT_TYPE_NAMES);
    expect(EVENT_TYPE_NAMES).toHaveLength(29);
  });

  it.each(EVENT_TYPE_NAMES)('%s: a POST whose body is its envelope, with the signature headers and the answers', (type) => {
    const entry = doc.webhooks[type];
    expect(Object.keys(entry)).toEqual(['post']);
    const post = entry.post;
    expect(post.summary).toBe(EVENT_CATALOGUE[type].description);
    expect(post.requestBody.content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${pascal(type)}Event` });
    const body = resolve(post.requestBody.content['application/json'].schema);
    expect(body).toMatchObject({ type: 'object', required: ['type', 'timestamp', 'data'], additionalProperties: false });
    expect(body.properties.type).toMatchObject({ enum: [type] });
    expect(body.properties.timestamp).toMatchObject({ type: 'string', format: 'date-time' });
    expect(body.properties.data).toEqual({ $ref: `#/components/schemas/${pascal(type)}Data` });
    expect(resolve(body.properties.data)).toMatchObject({ type: 'object', additionalProperties: false });
    expect(post.parameters.map(resolve).map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required])).toEqual([
      ['webhook-id', 'header', true],
      ['webhook-timestamp', 'header', true],
      ['webhook-signature', 'header', true],
    ]);
    expect(Object.keys(post.responses).sort()).toEqual(['2XX', '410', '429', '503', 'default']);
  });

  it('customer events carry the same Customer schema the customer endpoints answer with', () => {
    const created = doc.components.schemas.CustomerCreatedData;
    expect(created.properties.customer).toEqual({ $ref: '#/components/schemas/Customer' });
    const list = resolve(doc.paths['/api/v1/customers'].get.responses['200'].content['application/json'].schema);
    expect(list.properties.data.items).toEqual({ $ref: '#/components/schemas/Customer' });
  });
});
