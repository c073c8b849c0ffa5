import { describe, expect, it } from "vitest";
import { excerptFoundIn, matchForm } from "./excerpt-match";

describe("excerpt matching", () => {
  it("ignores quote styles, dashes, ellipses, case and whitespace", () => {
    const page = "The minister said: “We’ll cut rents by 10%\u00a0— starting in 2027…”\n\nNothing else.";
    expect(excerptFoundIn(`"we'll cut rents by 10% - starting in 2027..."`, page)).toBe(true);
    expect(excerptFoundIn("cut rents by\n  10%", page)).toBe(true);
    expect(excerptFoundIn("cut rents by 20%", page)).toBe(false);
  });

  it("has nothing to say without an excerpt or without text", () => {
    expect(excerptFoundIn("  ", "some text")).toBeNull();
    expect(excerptFoundIn("quote", "")).toBeNull();
  });

  it("puts full-width and compatibility forms in their plain form", () => {
    expect(matchForm("ＧＤＰ\u2009growth")).toBe("gdp growth");
  });
});
