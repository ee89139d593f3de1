import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Imports: not built yet (issue 20); the page is being built in this wave. */
export default function ImportsPage() {
  return (
    <>
      <PageHeader title="Imports" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
