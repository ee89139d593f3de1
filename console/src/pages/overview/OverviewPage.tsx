import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Overview: not built yet (issue 20); the page is being built in this wave. */
export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
