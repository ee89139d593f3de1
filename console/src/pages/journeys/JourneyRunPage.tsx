import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Journey Run: not built yet (issue 20); the page is being built in this wave. */
export default function JourneyRunPage() {
  return (
    <>
      <PageHeader title="Journey Run" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
