import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Webhook: not built yet (issue 20); the page is being built in this wave. */
export default function WebhookPage() {
  return (
    <>
      <PageHeader title="Webhook" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
