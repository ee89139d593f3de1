import { Alert } from '@mantine/core';
import { HeraldError } from '@herald/sdk';
import { errorMessage } from '../client/herald';

/**
 * Herald's answer to a failed call, as a marketer can read it: the message, the field errors of a
 * 422 when there are some, and the request id to quote when asking for help.
 */
export function ErrorAlert({ error, title = 'That did not work' }: { error: unknown; title?: string }) {
  const details = error instanceof HeraldError && Array.isArray(error.details) ? (error.details as { path?: string; message?: string }[]) : [];
  return (
    <Alert color="red" title={title} role="alert">
      {errorMessage(error)}
      {details.length > 0 && (
        <ul>
          {details.slice(0, 10).map((d, i) => (
            <li key={i}>
              {d.path ? <code>{d.path}</code> : null} {d.message}
            </li>
          ))}
        </ul>
      )}
      {error instanceof HeraldError && error.requestId ? <div>Request id: {error.requestId}</div> : null}
    </Alert>
  );
}
