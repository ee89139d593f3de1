import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, herald } from '../../client/herald';
import { AuthFrame } from './AuthFrame';

/**
 * Asks Herald to mail a password-reset link (`POST /auth/password-reset`). The answer is the same
 * whether or not the address has an account, so the page never tells which addresses exist.
 */
export default function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: (address: string) => herald.call((signal) => api.POST('/api/v1/auth/password-reset', { body: { email: address }, signal })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email);
  };

  return (
    <AuthFrame title="Reset your password">
      {request.isSuccess ? (
        <Stack>
          <Alert title="Check your email" role="status">
            If {email} has a Herald account, a link to choose a new password is on its way. It works once, for one hour.
          </Alert>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            Back to sign in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label="Reset your password">
          <Stack>
            <Text size="sm">Enter the address you sign in with; we will mail you a link to choose a new password.</Text>
            {request.isError ? <ErrorAlert error={request.error} /> : null}
            <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send the link
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm" ta="center">
              Back to sign in
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
