import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Campaigns: not built yet (issue 20); the page is being built in this wave. */
export default function CampaignsPage() {
  return (
    <>
      <PageHeader title="Campaigns" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
