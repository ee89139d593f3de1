import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Inbox: not built yet (issue 20); the page is being built in this wave. */
export default function InboxPage() {
  return (
    <>
      <PageHeader title="Inbox" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
