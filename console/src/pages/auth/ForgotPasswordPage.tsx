import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** Forgot Password: not built yet (issue 20); the page is being built in this wave. */
export default function ForgotPasswordPage() {
  return (
    <>
      <PageHeader title="Forgot Password" />
      <Text>This page is not built yet.</Text>
    </>
  );
}
