import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Segment Editor: not built yet (issue 20); the page is being built in this wave. */
export default function SegmentEditorPage() {
  return (
    <>
      <PageHeader title="Segment Editor" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
