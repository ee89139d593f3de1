import { Anchor, Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SESSION_KEY } from '../../app/session';
import { api, herald, setCsrfToken } from '../../client/herald';
import { AuthFrame } from './AuthFrame';

/** Only paths inside the console are followed after sign-in, so `?next=` cannot send anyone elsewhere. */
export const safeNext = (next: string | null): string => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

/** A provider's name as a button says it: `google` → `Google`. */
const providerLabel = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** "Sign in with …" links for the OpenID Connect providers Herald is configured with (none: nothing shown). */
function ProviderButtons() {
  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: async () => (await herald.call((signal) => api.GET('/api/v1/auth/providers', { signal }), { idempotent: true })).data,
    staleTime: Infinity,
  });
  if (!providers.data?.length) return null;
  return (
    <Stack gap="xs">
      <Divider label="or" labelPosition="center" />
      {providers.data.map((p) => (
        // A full-page navigation: the provider's sign-in page, then back to /console with the session cookie.
        <Button key={p.name} component="a" href={`/api/v1/auth/${encodeURIComponent(p.name)}`} variant="default" fullWidth>
          Sign in with {providerLabel(p.name)}
        </Button>
      ))}
    </Stack>
  );
}

/** Email and password sign-in (and the configured OpenID providers); on success the person lands where they were going (`?next=`). */
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
    <AuthFrame title="Sign in to Herald">
      <Stack>
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
        <ProviderButtons />
      </Stack>
    </AuthFrame>
  );
}
