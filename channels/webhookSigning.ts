import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks signing with the `standardwebhooks` library's own signer, so receivers that
 * verify with the same library agree byte for byte. One signer per key; during a rotation both
 * keys sign and the header carries both signatures, space-separated, as the spec allows.
 */
export function createSigner(keys: readonly Uint8Array[]) {
  const signers = keys.map((key) => new Webhook(key, { format: 'raw' }));
  return {
    /** The headers of one attempt: `webhook-id` is the delivery id, the same on every retry. */
    headers(id: string, at: Date, body: string): Record<string, string> {
      return {
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signers.map((s) => s.sign(id, at, body)).join(' '),
      };
    },
  };
}

/** A signer for a set of keys. */
export type Signer = ReturnType<typeof createSigner>;
