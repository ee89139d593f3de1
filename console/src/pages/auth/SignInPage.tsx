import { Anchor, Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SESSION_KEY } from '../../app/session';
import { api, herald, setCsrfToken } from '../../client/herald';

/** Only paths inside the console are followed after sign-in, so `?next=` cannot send anyone elsewhere. */
export const safeNext = (next: string | null): string => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

/** Email and password sign-in; on success the person lands where they were going (`?next=`). */
export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = (await herald.call((signal) => api.POST('/api/v1/auth/login', { body: { email, password }, signal }))).data;
      setCsrfToken(me.csrfToken);
      client.setQueryData(SESSION_KEY, me);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={420} py={80}>
      <main>
        <Title order={1} ta="center" mb="lg">
          Sign in to Herald
        </Title>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} aria-label="Sign in">
            <Stack>
              {error ? <ErrorAlert error={error} title="Could not sign you in" /> : null}
              <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
              <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Button type="submit" loading={busy} fullWidth>
                Sign in
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
                Forgot your password?
              </Anchor>
            </Stack>
          </form>
        </Paper>
      </main>
    </Container>
  );
}
