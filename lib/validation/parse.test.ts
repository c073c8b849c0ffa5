import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkInput, fieldLabel } from "@/lib/validation/parse";

// Issue #19: errors read "url: …", the schema's key, instead of the field's name.
describe("validation messages", () => {
  it("name the field in words, never by its key", () => {
    expect(fieldLabel(["url"])).toBe("URL");
    expect(fieldLabel(["sourceUrl"])).toBe("Source URL");
    expect(fieldLabel(["numeric", "value"])).toBe("Value");
    expect(fieldLabel(["items", 0])).toBe("Items");
    expect(fieldLabel(["due_at"])).toBe("Due at");
    const result = checkInput(z.object({ url: z.string().url("Must be a web address") }), { url: "nope" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe("URL: Must be a web address");
  });
});
