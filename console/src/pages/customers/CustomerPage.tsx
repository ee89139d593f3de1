import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Customer: not built yet (issue 20); the page is being built in this wave. */
export default function CustomerPage() {
  return (
    <>
      <PageHeader title="Customer" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
