import { Anchor, Badge, Code, Table, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, herald } from '../../client/herald';
import { dateTime, money } from './format';
import { Section } from './Section';

/** How many of each related record the customer page shows (the latest ones). */
const RECENT = 10;

/** The customer's latest orders (`GET /api/v1/orders?customerId=`). */
export function OrdersSection({ customerId }: { customerId: string }) {
  const query = useQuery({
    queryKey: ['customers', customerId, 'orders'],
    queryFn: async () => (await herald.orders.list({ customerId, limit: RECENT, includeTotal: 'false' })).data,
  });
  return (
    <Section title="Orders" query={query} isEmpty={(d) => d.length === 0} empty="No orders yet.">
      {(orders) => (
        <Table aria-label="Orders" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col" ta="right">
                Total
              </Table.Th>
              <Table.Th scope="col">Placed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.orderNumber}</Table.Td>
                <Table.Td>{o.status}</Table.Td>
                <Table.Td ta="right">
                  {money(o.total)} {o.currency}
                </Table.Td>
                <Table.Td>{dateTime(o.placedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** The customer's event timeline, newest first (`GET /api/v1/customers/:id/events`). */
export function EventsSection({ customerId }: { customerId: string }) {
  const query = useQuery({
    queryKey: ['customers', customerId, 'events'],
    queryFn: async () =>
      (
        await herald.call((signal) => api.GET('/api/v1/customers/{id}/events', { params: { path: { id: customerId }, query: { limit: RECENT } }, signal }), {
          idempotent: true,
        })
      ).data,
  });
  return (
    <Section title="Events" query={query} isEmpty={(d) => d.length === 0} empty="No events tracked yet.">
      {(events) => (
        <Timeline bulletSize={12} lineWidth={2}>
          {events.map((e) => (
            <Timeline.Item key={e.id} title={e.name}>
              <Text size="xs" c="gray.7">
                {dateTime(e.occurredAt)}
              </Text>
              {Object.keys(e.properties).length ? (
                <Code block fz="xs">
                  {JSON.stringify(e.properties)}
                </Code>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}

/** The customer's conversations, newest message first, each linking to the inbox. */
export function ConversationsSection({ customerId }: { customerId: string }) {
  const query = useQuery({
    queryKey: ['customers', customerId, 'conversations'],
    queryFn: async () => (await herald.customers.conversations(customerId, { limit: RECENT, includeTotal: 'false' })).data,
  });
  return (
    <Section title="Conversations" query={query} isEmpty={(d) => d.length === 0} empty="No conversations yet.">
      {(conversations) => (
        <Table aria-label="Conversations" striped>
          <Table.Tbody>
            {conversations.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/inbox/${c.id}`}>
                    {c.subject || `${c.channel} conversation`}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline">{c.status}</Badge>
                </Table.Td>
                <Table.Td>{c.messageCount} messages</Table.Td>
                <Table.Td>{dateTime(c.lastMessageAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** The customer's journey runs, newest entry first, each linking to its step log. */
export function JourneysSection({ customerId }: { customerId: string }) {
  const query = useQuery({
    queryKey: ['customers', customerId, 'journeys'],
    queryFn: async () =>
      (
        await herald.call(
          (signal) =>
            api.GET('/api/v1/customers/{id}/journeys', { params: { path: { id: customerId }, query: { limit: RECENT, includeTotal: 'false' } }, signal }),
          { idempotent: true },
        )
      ).data,
  });
  return (
    <Section title="Journeys" query={query} isEmpty={(d) => d.length === 0} empty="Not in any journey.">
      {(runs) => (
        <Table aria-label="Journey runs" striped>
          <Table.Tbody>
            {runs.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/journeys/${r.journeyId}/runs/${r.id}`}>
                    {r.journeyName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline">{r.state}</Badge>
                </Table.Td>
                <Table.Td>entered {dateTime(r.enteredAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** The segments the customer is in now (`GET /api/v1/customers/:id/segments`). */
export function SegmentsSection({ customerId }: { customerId: string }) {
  const query = useQuery({ queryKey: ['customers', customerId, 'segments'], queryFn: () => herald.customers.segments(customerId) });
  return (
    <Section title="Segments" query={query} isEmpty={(d) => d.length === 0} empty="In no segment.">
      {(memberships) => (
        <Table aria-label="Segment memberships" striped>
          <Table.Tbody>
            {memberships.map((m) => (
              <Table.Tr key={m.segmentId}>
                <Table.Td>
                  <Anchor component={Link} to={`/segments/${m.segmentId}`}>
                    {m.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>since {dateTime(m.enteredAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
