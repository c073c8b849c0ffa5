import { describe, expect, it } from "vitest";
import { verdictAgreement } from "./verdict-agreement";

describe("verdictAgreement", () => {
  // mia and adam review everything, zoe joins on one claim; ids deliberately out of order.
  const items = [
    {
      claimId: "c1",
      verdicts: [
        { reviewerId: "mia", ordinal: 5 },
        { reviewerId: "adam", ordinal: 5 },
      ],
    },
    {
      claimId: "c2",
      verdicts: [
        { reviewerId: "mia", ordinal: 1 },
        { reviewerId: "adam", ordinal: 2 },
      ],
    },
    {
      claimId: "c3",
      verdicts: [
        { reviewerId: "mia", ordinal: 0 },
        { reviewerId: "adam", ordinal: 3 },
      ],
    },
    {
      claimId: "c4",
      verdicts: [
        { reviewerId: "zoe", ordinal: 4 },
        { reviewerId: "mia", ordinal: 4 },
        { reviewerId: "adam", ordinal: 4 },
      ],
    },
    { claimId: "c5", verdicts: [{ reviewerId: "adam", ordinal: 2 }] },
  ];
  const result = verdictAgreement(items);

  it("computes ordinal alpha on 1..5 with Unverifiable treated as missing", () => {
    // c3 keeps only Misleading and c5 has one verdict, so 3 units and 7 values remain:
    // marginals n1 = 1, n2 = 1, n4 = 3, n5 = 2; o12 = o21 = 1 with δ²(1,2) = 1.
    // Σ n_c·n_k·δ² = 2·(1·1·1 + 1·3·9 + 1·2·30.25 + 1·3·4 + 1·2·20.25 + 3·2·6.25) = 357,
    // so α = 1 − 6·2 / 357 = 345/357.
    expect(result.ordinal).toEqual({ alpha: expect.closeTo(345 / 357, 12), n: 7, units: 3, unverifiableExcluded: 1 });
  });

  it("computes nominal alpha with Unverifiable as a category of its own", () => {
    // 4 units, 9 values; 4 disagreeing ordered pairs; Σ_{c≠k} n_c·n_k = 81 − 17 = 64.
    // α = 1 − 8·4 / 64 = 0.5.
    expect(result.nominal).toEqual({ alpha: expect.closeTo(0.5, 12), n: 9, units: 4 });
  });

  it("gives kappa per reviewer pair, ids sorted, with the claims behind each", () => {
    // adam–mia: 4 claims, 2 agree; chance (1·1 + 1·1) / 16 → κ = (0.5 − 0.125) / 0.875 = 3/7.
    // Pairs with zoe share a single unanimous claim: expected agreement 1, kappa undefined.
    expect(result.pairs).toEqual([
      { reviewerA: "adam", reviewerB: "mia", kappa: expect.closeTo(3 / 7, 12), observed: 0.5, expected: 0.125, n: 4 },
      { reviewerA: "adam", reviewerB: "zoe", kappa: null, observed: 1, expected: 1, n: 1 },
      { reviewerA: "mia", reviewerB: "zoe", kappa: null, observed: 1, expected: 1, n: 1 },
    ]);
    expect(result.items).toBe(4);
  });

  it("reports nothing measurable for no claims", () => {
    expect(verdictAgreement([])).toEqual({
      ordinal: { alpha: null, n: 0, units: 0, unverifiableExcluded: 0 },
      nominal: { alpha: null, n: 0, units: 0 },
      pairs: [],
      items: 0,
    });
  });

  it("refuses two verdicts from one reviewer on a claim", () => {
    const twice = [
      {
        claimId: "c1",
        verdicts: [
          { reviewerId: "mia", ordinal: 5 },
          { reviewerId: "mia", ordinal: 4 },
        ],
      },
    ];
    expect(() => verdictAgreement(twice)).toThrow(/c1/);
  });

  it("gives for counted items what it gives for the items repeated", () => {
    const counted = [
      { ...items[0]!, count: 3 },
      { ...items[1]!, count: 2 },
      { ...items[2]!, count: 1 },
      { ...items[3]!, count: 2 },
      { ...items[4]!, count: 4 },
      {
        claimId: "c6",
        verdicts: [
          { reviewerId: "mia", ordinal: 5 },
          { reviewerId: "zoe", ordinal: 1 },
        ],
        count: 0,
      },
    ];
    const repeated = counted.flatMap(({ count, ...item }) =>
      Array.from({ length: count }, (_, i) => ({ ...item, claimId: `${item.claimId}-${i}` })),
    );
    const [a, b] = [verdictAgreement(counted), verdictAgreement(repeated)];
    expect(a.items).toBe(8);
    expect(a).toEqual({
      ...b,
      ordinal: { ...b.ordinal, alpha: expect.closeTo(b.ordinal.alpha!, 12) },
      nominal: { ...b.nominal, alpha: expect.closeTo(b.nominal.alpha!, 12) },
    });
  });
});
