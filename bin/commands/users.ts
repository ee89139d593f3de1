import type { Command } from 'commander';
import { z } from 'zod';
import { createDb, type Knex } from '../../db/knex';
import { createUserModule, signInSettings } from '../../domain/users';
import { generatePassword } from '../../domain/users/passwords';
import { MEMBER_ROLES, type MemberRole } from '../../domain/users/types';
import { loadConfig } from '../../lib/config';
import { ensurePostgres } from '../../scripts/services/postgres';
import { createTemporalProvider, type TemporalProvider } from '../../temporal/client';
import { temporalSettings } from '../connections';

/** What both subcommands take. */
interface PersonOptions {
  email: string;
  tenant: string;
  role: MemberRole;
  json?: boolean;
}

const Options = z.object({
  email: z.email('--email must be an email address'),
  tenant: z.uuid('--tenant must be a tenant id (a UUID; `herald tenants create` prints it)'),
  role: z.enum(MEMBER_ROLES, `--role must be one of ${MEMBER_ROLES.join(', ')}`),
});

/** Runs `work` with the user module on the configured database (and Temporal, lazily). */
async function withUsers<T>(work: (users: ReturnType<typeof createUserModule>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { url } = await ensurePostgres({ databaseUrl: config.DATABASE_URL, port: config.HERALD_PG_PORT });
  const db: Knex = createDb({ url, poolMax: 2 });
  const temporal: TemporalProvider = createTemporalProvider(temporalSettings(config));
  try {
    return await work(createUserModule({ db, temporal, settings: signInSettings(config) }));
  } finally {
    await temporal.close().catch(() => undefined);
    await db.destroy();
  }
}

/** Checks the options, or stops with the first problem in one line. */
function checked(options: PersonOptions): PersonOptions {
  const parsed = Options.safeParse(options);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return { ...options, ...parsed.data };
}

/** `herald users create|invite`: people who sign in to the console (docs/console.md). */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage the people who sign in to the console');
  users
    .command('create')
    .description('add a person to a tenant; a new account gets a generated password, printed once')
    .requiredOption('--email <address>', 'their email address')
    .requiredOption('--tenant <id>', 'the tenant they join')
    .option('--role <role>', `one of ${MEMBER_ROLES.join(', ')}`, 'member')
    .option('--json', 'print the result as JSON')
    .action(async (raw: PersonOptions) => {
      const options = checked(raw);
      const password = generatePassword();
      const result = await withUsers((m) => m.accounts.createUser({ email: options.email, tenantId: options.tenant, role: options.role, password }));
      const shown = result.created ? password : null;
      if (options.json)
        console.log(JSON.stringify({ userId: result.userId, email: options.email, tenantId: options.tenant, role: options.role, password: shown }));
      else if (shown)
        console.log(`User:     ${options.email} (${result.userId}), ${options.role}\nPassword: ${shown}\nStore the password now: it is not shown again.`);
      else console.log(`User:     ${options.email} (${result.userId}) already had an account: now ${options.role} of the tenant; password unchanged.`);
    });
  users
    .command('invite')
    .description('e-mail an invitation to join a tenant (the worker sends it)')
    .requiredOption('--email <address>', 'their email address')
    .requiredOption('--tenant <id>', 'the tenant they are invited to')
    .option('--role <role>', `one of ${MEMBER_ROLES.join(', ')}`, 'member')
    .option('--json', 'print the result as JSON')
    .action(async (raw: PersonOptions) => {
      const options = checked(raw);
      const invitation = await withUsers((m) => m.accounts.invite({ tenantId: options.tenant }, { email: options.email, role: options.role }));
      if (options.json) console.log(JSON.stringify({ ...invitation, expiresAt: invitation.expiresAt.toISOString() }));
      else console.log(`Invited ${invitation.email} as ${invitation.role}; the link works once, until ${invitation.expiresAt.toISOString()}.`);
    });
}
