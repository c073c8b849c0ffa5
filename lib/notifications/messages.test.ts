// Reported by review: cutting a title, quote or comment by UTF-16 units could leave half an emoji, which the mail
// schema (and PostgreSQL's jsonb) refuse, so a sign-off or a mention with email on answered 500.
import { describe, expect, it } from "vitest";
import { excerpt } from "@/lib/notifications/messages";
import { cleanFileName } from "@/lib/evidence/files";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("text cut for notifications, mails and file names", () => {
  it("never splits an emoji, wherever the cut falls", () => {
    for (let at = 75; at <= 82; at++) {
      const title = `${"A".repeat(at)}😀 rest of the title`;
      expect(excerpt(title, 80), `cut after ${at}`).not.toMatch(LONE_SURROGATE);
    }
    expect(excerpt(`${"A".repeat(139)}👩‍👩‍👧 and more`)).not.toMatch(LONE_SURROGATE);
  });

  it("keeps a long file name whole up to its 200th character, never half of one", () => {
    const name = cleanFileName(`${"a".repeat(199)}😀.png`);
    expect(name).not.toMatch(LONE_SURROGATE);
    expect(Array.from(name)).toHaveLength(200);
  });
});
