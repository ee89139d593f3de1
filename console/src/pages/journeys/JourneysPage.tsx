import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Journeys: not built yet (issue 20); the page is being built in this wave. */
export default function JourneysPage() {
  return (
    <>
      <PageHeader title="Journeys" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
