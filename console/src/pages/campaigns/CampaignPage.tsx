import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Campaign: not built yet (issue 20); the page is being built in this wave. */
export default function CampaignPage() {
  return (
    <>
      <PageHeader title="Campaign" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
