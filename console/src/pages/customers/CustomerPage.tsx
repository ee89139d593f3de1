import { Anchor, Badge, Group, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useCanWrite, useSession } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ConversationsSection, EventsSection, JourneysSection, OrdersSection, SegmentsSection } from './ActivitySections';
import { CustomerActions } from './CustomerActions';
import { displayName, STATUS_COLOR } from './format';
import { NotesSection } from './NotesSection';
import { ProfileSection } from './ProfileSection';
import { TagsSection } from './TagsSection';

/**
 * One customer: profile and statistics (`GET /customers/:id`), tags, notes, orders, events,
 * conversations, journeys and segment memberships, each section reading its own endpoint; edit,
 * block/unblock and delete for people who may write.
 */
export default function CustomerPage() {
  const { customerId = '' } = useParams();
  const canWrite = useCanWrite();
  const isAdmin = useSession().role === 'admin';
  const detail = useQuery({ queryKey: ['customers', 'detail', customerId], queryFn: () => herald.customers.get(customerId) });

  if (detail.isPending) return <Loading label="Loading the customer" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Customer" />
        <ErrorAlert error={detail.error} title="This customer could not be shown" />
        <Anchor component={Link} to="/customers" mt="md" display="block">
          Back to customers
        </Anchor>
      </>
    );
  }
  const c = detail.data;
  return (
    <>
      <Anchor component={Link} to="/customers" size="sm">
        ← Customers
      </Anchor>
      <PageHeader
        title={displayName(c)}
        description={
          <Group gap="xs" component="span">
            <Badge color={STATUS_COLOR[c.status]}>{c.status}</Badge>
            <Badge variant="outline">{c.tier}</Badge>
            {c.isBlocked ? <Badge color="red.9">blocked</Badge> : null}
          </Group>
        }
        actions={canWrite ? <CustomerActions customer={c} canDelete={isAdmin} /> : undefined}
      />
      <Stack>
        <ProfileSection customer={c} />
        <TagsSection key={c.tags.join(',')} customerId={c.id} tags={c.tags} canWrite={canWrite} />
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <NotesSection customerId={c.id} canWrite={canWrite} />
          <OrdersSection customerId={c.id} />
          <EventsSection customerId={c.id} />
          <ConversationsSection customerId={c.id} />
          <JourneysSection customerId={c.id} />
          <SegmentsSection customerId={c.id} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
