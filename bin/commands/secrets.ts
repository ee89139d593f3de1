import type { Command } from 'commander';
import { createDb } from '../../db/knex';
import { reencryptEndpointSecrets } from '../../domain/webhooks/secretsKeyRotation';
import { secretsKeyFrom, webhookSettings } from '../../domain/webhooks/settings';
import { loadConfig } from '../../lib/config';
import { databaseUrl } from '../connections';

/**
 * `herald secrets rotate`: moves every stored webhook endpoint secret from the old
 * WEBHOOK_SECRETS_KEY (read from another variable, OLD_WEBHOOK_SECRETS_KEY by default) to the one
 * configured now. Safe to run again; refuses to write anything when the old key does not read
 * every secret.
 */
export function registerSecrets(program: Command): void {
  const secrets = program.command('secrets').description('manage the keys that protect stored secrets');
  secrets
    .command('rotate')
    .description('re-encrypt stored webhook endpoint secrets from the old WEBHOOK_SECRETS_KEY to the current one')
    .option('--from-env <name>', 'the variable that holds the old key', 'OLD_WEBHOOK_SECRETS_KEY')
    .action(async (options: { fromEnv: string }) => {
      const config = loadConfig();
      const old = process.env[options.fromEnv];
      if (!old) throw new Error(`${options.fromEnv} is not set: set it to the WEBHOOK_SECRETS_KEY in use until now, and WEBHOOK_SECRETS_KEY to the new key`);
      const toKey = webhookSettings(config).secretsKey;
      const fromKey = secretsKeyFrom(old);
      if (fromKey.equals(toKey)) throw new Error(`${options.fromEnv} and WEBHOOK_SECRETS_KEY are the same key: nothing to rotate`);
      const db = createDb({ url: databaseUrl(config), poolMax: 2 });
      try {
        const result = await reencryptEndpointSecrets(db, fromKey, toKey);
        if (result.unreadable.length)
          throw new Error(
            `Neither key decrypts the secret of ${result.unreadable.length} endpoint(s) (${result.unreadable.slice(0, 5).join(', ')}${result.unreadable.length > 5 ? ', …' : ''}): nothing was changed; check ${options.fromEnv}`,
          );
        console.log(`Re-encrypted the secrets of ${result.reencrypted} endpoint(s); ${result.alreadyCurrent} already used the new key.`);
      } finally {
        await db.destroy();
      }
    });
}
