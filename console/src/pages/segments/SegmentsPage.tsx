import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Segments: not built yet (issue 20); the page is being built in this wave. */
export default function SegmentsPage() {
  return (
    <>
      <PageHeader title="Segments" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
