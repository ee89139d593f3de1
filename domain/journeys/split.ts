import { createHash } from 'node:crypto';

/**
 * The path a run takes at a random split: a hash of the run id and the node id picks a point in
 * [0, total weight) and the path whose weight band holds it wins. The same run always takes the
 * same path at the same node (a retry, a crash, a second visit), and across runs the shares follow
 * the weights. Returns the path's index and the point, for the step's detail.
 */
export function splitPath(runId: string, nodeId: string, weights: readonly number[]): { index: number; point: number } {
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  const digest = createHash('sha256').update(`${runId}:${nodeId}`).digest();
  const point = (digest.readUInt32BE(0) / 2 ** 32) * total;
  let upper = 0;
  for (let i = 0; i < weights.length; i++) {
    upper += Math.max(0, weights[i]!);
    if (point < upper) return { index: i, point };
  }
  return { index: Math.max(0, weights.length - 1), point };
}
