import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, herald } from '../../client/herald';
import { AuthFrame } from './AuthFrame';
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields';

/**
 * Where the reset e-mail's link lands (`/console/reset-password?token=…`): choose a new password
 * (`POST /auth/password-reset/confirm`). Herald ends every session of the account, so the person
 * then signs in with the new password.
 */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string>();
  const confirm = useMutation({
    mutationFn: () => herald.call((signal) => api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password }, signal })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation);
    setProblem(found);
    if (!found) confirm.mutate();
  };

  if (!token) {
    return (
      <AuthFrame title="Choose a new password">
        <Stack>
          <Alert color="red" title="This link is incomplete" role="alert">
            Open the link from the reset e-mail as it is, or ask for a new one.
          </Alert>
          <Anchor component={Link} to="/forgot-password" ta="center">
            Ask for a new link
          </Anchor>
        </Stack>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Choose a new password">
      {confirm.isSuccess ? (
        <Stack>
          <Alert title="Your password is set" role="status">
            Sign in with your new password.
          </Alert>
          <Button component={Link} to="/sign-in" fullWidth>
            Sign in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label="Choose a new password">
          <Stack>
            {confirm.isError ? <ErrorAlert error={confirm.error} title="The password was not changed" /> : null}
            <NewPasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} problem={problem} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              Set the password
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
              Ask for a new link
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
