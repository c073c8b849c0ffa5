import { describe, expect, it } from "vitest";
import { formatOfFile, formatSize, previewOf } from "./import-source";

describe("formatOfFile", () => {
  it.each([
    ["story.txt", "text"],
    ["Story.HTML", "html"],
    ["page.htm", "html"],
    ["draft.md", "markdown"],
    ["draft.markdown", "markdown"],
    ["Report.PDF", "pdf"],
  ] as const)("reads %s as %s", (name, format) => expect(formatOfFile(name)).toBe(format));

  it.each(["image.svg", "noextension", "archive.html.zip", "report.pdf.exe"])("refuses %s", (name) =>
    expect(formatOfFile(name)).toBeNull(),
  );
});

describe("formatSize", () => {
  it("says sizes the way people read them", () => {
    expect(formatSize(900)).toBe("900 bytes");
    expect(formatSize(34 * 1024)).toBe("34 KB");
    expect(formatSize(2 * 1024 * 1024)).toBe("2 MB");
    expect(formatSize(2.5 * 1024 * 1024)).toBe("2.5 MB");
  });
});

describe("previewOf", () => {
  it("counts paragraphs of plain text and Markdown, and finds a Markdown title", () => {
    expect(previewOf("text", "One.\n\nTwo.\n \nThree.")).toEqual({ title: null, paragraphs: 3 });
    expect(previewOf("markdown", "# Title\n\nIntro.\n\n- a\n- b")).toEqual({ title: "Title", paragraphs: 3 });
    expect(previewOf("text", "   ")).toBeNull();
  });
});
