import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Settings: not built yet (issue 20); the page is being built in this wave. */
export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
