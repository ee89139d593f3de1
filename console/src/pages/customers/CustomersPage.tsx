import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Customers: not built yet (issue 20); the page is being built in this wave. */
export default function CustomersPage() {
  return (
    <>
      <PageHeader title="Customers" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
