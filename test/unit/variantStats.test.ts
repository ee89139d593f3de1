import { decideVariants, normalCdf, twoProportionTest, wilsonInterval } from '../../domain/campaigns/variantStats';

/** Reference values computed independently (Python's math.erf and the textbook formulas). */
describe('A/B statistics against known values', () => {
  it('the normal distribution function', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 6);
    expect(normalCdf(2.5758)).toBeCloseTo(0.9949995762622212, 6);
  });

  it('Wilson score intervals, including 0 and n successes', () => {
    const i = wilsonInterval(81, 263);
    expect(i.lower).toBeCloseTo(0.2552885198782742, 9);
    expect(i.upper).toBeCloseTo(0.36620957698280004, 9);
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(wilsonInterval(0, 10).upper).toBeCloseTo(0.2775327998628892, 9);
    expect(wilsonInterval(10, 10).lower).toBeCloseTo(0.7224672001371107, 9);
    expect(wilsonInterval(10, 10).upper).toBeCloseTo(1, 9);
    expect(wilsonInterval(0, 0)).toEqual({ lower: 0, upper: 1 });
  });

  it('the pooled two-proportion z-test', () => {
    const a = twoProportionTest(30, 50, 20, 50);
    expect(a.z).toBeCloseTo(2, 9);
    expect(a.pValue).toBeCloseTo(0.04550026389635842, 6);
    const b = twoProportionTest(60, 100, 45, 100);
    expect(b.z).toBeCloseTo(2.1239769762143657, 9);
    expect(b.pValue).toBeCloseTo(0.03367206885634588, 6);
    expect(twoProportionTest(0, 20, 0, 20)).toEqual({ z: 0, pValue: 1 });
  });

  it('decides: a clear leader wins, flat data and small samples fall back to the first variant', () => {
    expect(
      decideVariants([
        { key: 'A', sample: 100, successes: 10 },
        { key: 'B', sample: 100, successes: 40 },
      ]),
    ).toMatchObject({ outcome: 'winner', winner: 'B' });
    expect(
      decideVariants([
        { key: 'A', sample: 100, successes: 20 },
        { key: 'B', sample: 100, successes: 20 },
      ]),
    ).toMatchObject({
      outcome: 'no_significant_difference',
      winner: 'A',
      leader: 'A',
    });
    expect(
      decideVariants([
        { key: 'A', sample: 5, successes: 0 },
        { key: 'B', sample: 5, successes: 5 },
      ]),
    ).toMatchObject({ outcome: 'insufficient_sample', winner: 'A' });
    // p = 0.0455 passes 0.05 with two variants but not 0.025 with three (Bonferroni).
    expect(
      decideVariants([
        { key: 'A', sample: 50, successes: 20 },
        { key: 'B', sample: 50, successes: 30 },
      ]).outcome,
    ).toBe('winner');
    const three = decideVariants([
      { key: 'A', sample: 50, successes: 20 },
      { key: 'B', sample: 50, successes: 30 },
      { key: 'C', sample: 50, successes: 5 },
    ]);
    expect(three).toMatchObject({ outcome: 'no_significant_difference', winner: 'A', leader: 'B', adjustedAlpha: 0.025 });
  });
});
