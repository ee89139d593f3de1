import { PasswordInput } from '@mantine/core';

/** Herald's shortest accepted password (domain/users/passwords.ts); the server checks it again. */
export const MIN_PASSWORD_LENGTH = 12;

/** What is wrong with a new password and its confirmation, before asking Herald (undefined: nothing). */
export function newPasswordProblem(password: string, confirmation: string, required = true): string | undefined {
  if (!required && password === '' && confirmation === '') return undefined;
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== confirmation) return 'The two passwords differ.';
  return undefined;
}

/** A new password typed twice, with the problem {@link newPasswordProblem} found shown under the second field. */
export function NewPasswordFields(props: {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  problem?: string;
  required?: boolean;
  description?: string;
}) {
  return (
    <>
      <PasswordInput
        label="New password"
        description={props.description ?? `At least ${MIN_PASSWORD_LENGTH} characters`}
        autoComplete="new-password"
        required={props.required ?? true}
        value={props.password}
        onChange={(e) => props.onPassword(e.currentTarget.value)}
      />
      <PasswordInput
        label="Repeat the new password"
        autoComplete="new-password"
        required={props.required ?? true}
        value={props.confirmation}
        error={props.problem}
        onChange={(e) => props.onConfirmation(e.currentTarget.value)}
      />
    </>
  );
}
