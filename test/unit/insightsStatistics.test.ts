import { impactOf, insightId } from '../../domain/insights/service';
import { compoundPoissonZ, poissonCountZ, relativeChange, round, twoProportionZ } from '../../domain/insights/statistics';

/** The significance tests and impact cut-offs of GET /ai/insights (issue 19), against values worked by hand. */
describe('insight statistics', () => {
  it('tests two counts as Poisson rates: (a − b) / √(a + b)', () => {
    expect(round(poissonCountZ(15, 40), 3)).toBe(-3.371);
    expect(poissonCountZ(30, 30)).toBe(0);
    expect(poissonCountZ(0, 0)).toBe(0);
  });

  it('tests sums of amounts as compound Poisson, and counts are its case of unit amounts', () => {
    // 15 orders of 100 against 40 orders of 100: (1500 − 4000) / √(15·100² + 40·100²).
    expect(round(compoundPoissonZ({ sum: 1500, sumSq: 150_000 }, { sum: 4000, sumSq: 400_000 }), 3)).toBe(-3.371);
    expect(compoundPoissonZ({ sum: 9, sumSq: 9 }, { sum: 4, sumSq: 4 })).toBe(poissonCountZ(9, 4));
    // Same revenue from fewer, bigger orders: no difference.
    expect(compoundPoissonZ({ sum: 1000, sumSq: 100_000 }, { sum: 1000, sumSq: 50_000 })).toBe(0);
  });

  it('tests two proportions with the pooled standard error', () => {
    // 10/200 against 40/200: pooled 0.125, se √(0.125·0.875·(2/200)) = 0.03307.
    expect(round(twoProportionZ({ successes: 10, trials: 200 }, { successes: 40, trials: 200 }), 3)).toBe(-4.536);
    expect(twoProportionZ({ successes: 0, trials: 100 }, { successes: 0, trials: 100 })).toBe(0);
    expect(twoProportionZ({ successes: 1, trials: 0 }, { successes: 1, trials: 10 })).toBe(0);
  });

  it('gives no relative change without a previous value to divide by', () => {
    expect(relativeChange(15, 40)).toBe(-0.625);
    expect(relativeChange(50, 30)).toBe(0.6667);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(5, null)).toBeNull();
  });

  it('grades impact by the score’s share of the customer base: high ≥ 5 %, medium ≥ 1 %', () => {
    expect(impactOf(5, 100)).toBe('high');
    expect(impactOf(4.99, 100)).toBe('medium');
    expect(impactOf(1, 100)).toBe('medium');
    expect(impactOf(0.99, 100)).toBe('low');
    expect(impactOf(3, 0)).toBe('low');
  });

  it('derives a stable id from the type and the subject alone', () => {
    const subject = { kind: 'category' as const, id: null, name: 'Electronics' };
    expect(insightId('category_trend', subject)).toBe(insightId('category_trend', { ...subject }));
    expect(insightId('category_trend', subject)).not.toBe(insightId('category_trend', { ...subject, name: 'Books' }));
    expect(insightId('category_trend', subject)).toMatch(/^[0-9a-f]{32}$/);
  });
});
