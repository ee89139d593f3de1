import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Journey: not built yet (issue 20); the page is being built in this wave. */
export default function JourneyPage() {
  return (
    <>
      <PageHeader title="Journey" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
