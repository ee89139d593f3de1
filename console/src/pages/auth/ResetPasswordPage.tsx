import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Reset Password: not built yet (issue 20); the page is being built in this wave. */
export default function ResetPasswordPage() {
  return (
    <>
      <PageHeader title="Reset Password" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
