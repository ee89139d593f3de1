import fs from 'node:fs';

/**
 * autocannon onResponse module for conversations-inbound: appends the MessageSid of every
 * request answered 200 (left in the context by twilio-inbound-request.ts, which built it on this
 * connection) to `context.sidFile`, so the run can check afterwards that every accepted post was
 * stored exactly once. autocannon `require`s this file in its worker thread.
 */
interface Context {
  sid?: string;
  sidFile?: string;
}

export = function recordAccepted(status: number, _body: string, context: Context): void {
  if (status === 200 && context.sid && context.sidFile) fs.appendFileSync(context.sidFile, `${context.sid}\n`);
};
