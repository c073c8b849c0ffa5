import { describe, expect, it } from "vitest";
import { contrastRatio, INK, readableTextOn, relativeLuminance, tintFor } from "@/lib/teams/colour";

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;

describe("colour contrast (WCAG 2.2 definitions)", () => {
  it("matches the spec's end points and a known pair", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 12);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 12);
    // #767676 on white is the classic 4.54:1 grey.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("picks text that reads at 4.5:1 or better on every colour of a grid over the whole cube, and a tint ink reads on", () => {
    let worstText = Infinity;
    let worstTint = Infinity;
    for (let r = 0; r <= 255; r += 15)
      for (let g = 0; g <= 255; g += 5)
        for (let b = 0; b <= 255; b += 15) {
          const colour = hex(r, g, b);
          worstText = Math.min(worstText, contrastRatio(colour, readableTextOn(colour)));
          worstTint = Math.min(worstTint, contrastRatio(tintFor(colour), INK));
        }
    expect(worstText).toBeGreaterThanOrEqual(4.5);
    expect(worstTint).toBeGreaterThanOrEqual(7);
  });
});
