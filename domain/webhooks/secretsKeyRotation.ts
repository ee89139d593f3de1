import type { Knex } from 'knex';
import { decryptSecret, encryptSecret } from './secrets';

/** What a re-encryption found: rows re-encrypted, rows already under the new key, and those neither key reads. */
export interface ReencryptionResult {
  reencrypted: number;
  alreadyCurrent: number;
  /** Ids of endpoints whose secret neither key decrypts; nothing is written while there are any. */
  unreadable: string[];
}

/** One stored secret under the new key: unchanged when the new key already reads it, undefined when neither key does. */
function underNewKey(stored: string, fromKey: Buffer, toKey: Buffer): { value: string; changed: boolean } | undefined {
  try {
    decryptSecret(toKey, stored);
    return { value: stored, changed: false };
  } catch {
    // Not under the new key yet: try the old one below.
  }
  try {
    return { value: encryptSecret(toKey, decryptSecret(fromKey, stored)), changed: true };
  } catch {
    return undefined;
  }
}

/**
 * Re-encrypts every stored endpoint secret (the current one and a rotated-out one still in its
 * grace period) from the old WEBHOOK_SECRETS_KEY to the new one, in one transaction over rows
 * locked against concurrent rotations. Secrets the new key already reads are left alone, so a
 * second run is harmless; when a secret is readable by neither key, nothing is written and the
 * endpoints are named, so a wrong old key can never destroy a secret.
 */
export async function reencryptEndpointSecrets(db: Knex, fromKey: Buffer, toKey: Buffer): Promise<ReencryptionResult> {
  return db.transaction(async (trx) => {
    const rows = await trx('webhook_endpoints')
      .select<Array<{ id: string; secret_ciphertext: string; previous_secret_ciphertext: string | null }>>(
        'id',
        'secret_ciphertext',
        'previous_secret_ciphertext',
      )
      .orderBy('id')
      .forUpdate();
    const updates: Array<{ id: string; secret_ciphertext: string; previous_secret_ciphertext: string | null }> = [];
    const unreadable: string[] = [];
    let alreadyCurrent = 0;
    for (const row of rows) {
      const current = underNewKey(row.secret_ciphertext, fromKey, toKey);
      const previous = row.previous_secret_ciphertext === null ? null : underNewKey(row.previous_secret_ciphertext, fromKey, toKey);
      if (!current || previous === undefined) {
        unreadable.push(row.id);
        continue;
      }
      if (current.changed || previous?.changed)
        updates.push({ id: row.id, secret_ciphertext: current.value, previous_secret_ciphertext: previous?.value ?? null });
      else alreadyCurrent += 1;
    }
    if (unreadable.length) return { reencrypted: 0, alreadyCurrent, unreadable };
    for (const u of updates)
      await trx('webhook_endpoints')
        .where({ id: u.id })
        .update({ secret_ciphertext: u.secret_ciphertext, previous_secret_ciphertext: u.previous_secret_ciphertext });
    return { reencrypted: updates.length, alreadyCurrent, unreadable };
  });
}
