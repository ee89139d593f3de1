import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Webhooks: not built yet (issue 20); the page is being built in this wave. */
export default function WebhooksPage() {
  return (
    <>
      <PageHeader title="Webhooks" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
