import { describe, expect, it } from "vitest";
import { curlExample } from "@/components/account/token-format";

describe("the curl example shown with a new token", () => {
  const secret = `fdk_${"a".repeat(43)}`;
  it("only reads for a read token", () => {
    const example = curlExample("https://desk.example.org", secret, false);
    expect(example).toBe(`curl -H "Authorization: Bearer ${secret}" \\\n  https://desk.example.org/api/v1/articles`);
  });
  it("adds a write for a read-write token, with JSON a shell passes through unchanged", () => {
    const example = curlExample("https://desk.example.org", secret, true);
    expect(example).toContain("curl -X POST");
    const body = example.match(/-d '([^']*)'/)![1]!;
    expect(JSON.parse(body)).toEqual({ body: "Checked against the ONS release." });
  });
});
