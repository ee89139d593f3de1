import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Accept Invitation: not built yet (issue 20); the page is being built in this wave. */
export default function AcceptInvitationPage() {
  return (
    <>
      <PageHeader title="Accept Invitation" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
