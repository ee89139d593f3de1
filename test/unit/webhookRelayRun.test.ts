import { FIRST_RELAY_BATCH, nextRelayBatch, RELAY_BATCH } from '../../domain/webhooks/relayRun';

/** The relay's pass sizing: small after a quiet spell, doubling while passes come back full. */
describe('webhook relay pass size', () => {
  it('doubles while passes come back full, up to the most a statement takes, without waiting', () => {
    expect(nextRelayBatch(FIRST_RELAY_BATCH, FIRST_RELAY_BATCH)).toEqual({ batch: 2 * FIRST_RELAY_BATCH, pause: false });
    expect(nextRelayBatch(800, 800)).toEqual({ batch: RELAY_BATCH, pause: false });
    expect(nextRelayBatch(RELAY_BATCH, RELAY_BATCH)).toEqual({ batch: RELAY_BATCH, pause: false });
  });

  it('after a short pass (the queue is empty) starts small again after a poll interval', () => {
    expect(nextRelayBatch(RELAY_BATCH, 999)).toEqual({ batch: FIRST_RELAY_BATCH, pause: true });
    expect(nextRelayBatch(FIRST_RELAY_BATCH, 0)).toEqual({ batch: FIRST_RELAY_BATCH, pause: true });
  });
});
