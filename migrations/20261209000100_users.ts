import type { Knex } from 'knex';

/**
 * People who sign in to the console (issue 20): users, their memberships in tenants (with the
 * roles API keys carry), cookie sessions and single-use tokens for invitations and password
 * resets. Session ids and tokens are stored only as SHA-256 hashes; passwords as scrypt hashes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email').notNullable();
    // Null for people who sign in only through OpenID Connect.
    t.text('password_hash');
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_login_at', { useTz: true });
  });
  // One account per address whatever its case: Alice@Example.com and alice@example.com are one person.
  await knex.raw('CREATE UNIQUE INDEX users_email_unique ON users (lower(email))');
  await knex.schema.createTable('memberships', (t) => {
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('role').notNullable().checkIn(['admin', 'member', 'readonly'], 'memberships_role_check');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['user_id', 'tenant_id']);
    t.index(['tenant_id', 'created_at']);
  });
  await knex.schema.createTable('sessions', (t) => {
    // SHA-256 of the cookie's token (hex): a copy of the table signs nobody in.
    t.text('id').primary();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.text('user_agent');
    t.text('ip');
    t.index(['user_id']);
    t.index(['expires_at']);
  });
  await knex.schema.createTable('user_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('kind').notNullable().checkIn(['invitation', 'password_reset'], 'user_tokens_kind_check');
    t.text('email').notNullable();
    t.uuid('user_id').references('users.id').onDelete('CASCADE');
    // Invitations: the tenant and role the invited person joins with.
    t.uuid('tenant_id').references('tenants.id').onDelete('CASCADE');
    t.text('role').checkIn(['admin', 'member', 'readonly'], 'user_tokens_role_check');
    t.text('token_hash').notNullable().unique();
    t.text('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['tenant_id', 'created_at']);
  });
  await knex.raw('CREATE INDEX user_tokens_email ON user_tokens (lower(email)) WHERE used_at IS NULL');
}

/** Drops the sign-in tables. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_tokens');
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('memberships');
  await knex.schema.dropTable('users');
}
