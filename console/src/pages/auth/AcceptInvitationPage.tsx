import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SESSION_KEY } from '../../app/session';
import { api, herald, setCsrfToken } from '../../client/herald';
import { AuthFrame } from './AuthFrame';
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields';

/**
 * Where the invitation e-mail's link lands (`/console/accept-invitation?token=…`): joins the
 * tenant (`POST /auth/invitations/accept`) and signs in. A person new to Herald chooses a
 * password here; one who has an account already leaves it empty (Herald says when one is needed).
 */
export default function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation, false);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setError(null);
    try {
      const body = password ? { token, password } : { token };
      const me = (await herald.call((signal) => api.POST('/api/v1/auth/invitations/accept', { body, signal }))).data;
      setCsrfToken(me.csrfToken);
      client.setQueryData(SESSION_KEY, me);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <AuthFrame title="Join Herald">
        <Alert color="red" title="This link is incomplete" role="alert">
          Open the link from the invitation e-mail as it is, or ask whoever invited you for a new invitation.
        </Alert>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Join Herald">
      <form onSubmit={submit} aria-label="Accept the invitation">
        <Stack>
          <Text size="sm">
            You are invited to a team on Herald. New to Herald? Choose a password. Already have an account? Leave the fields empty and join, or{' '}
            <Anchor component={Link} to="/sign-in">
              sign in
            </Anchor>{' '}
            first.
          </Text>
          {error ? <ErrorAlert error={error} title="Could not accept the invitation" /> : null}
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
            problem={problem}
            required={false}
            description="At least 12 characters; needed only if you have no Herald account yet"
          />
          <Button type="submit" loading={busy} fullWidth>
            Accept and sign in
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
