import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/export/claims-csv";
import { parseCsv } from "@/lib/export/test-helpers";

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks (RFC 4180), and leaves plain text alone", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('he said "no"')).toBe('"he said ""no"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("defuses spreadsheet formulas: = + - @ tab and CR at the start get an apostrophe", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2.3 per cent")).toBe("'-2.3 per cent");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("a = b")).toBe("a = b");
  });

  it("ends every row with CRLF and reads back to the same cells", () => {
    const rows = [
      ["id", "claim", "urls"],
      ["c1", 'The "UK", it said,\nspends 2.3%', "https://a.example/x; https://b.example/y"],
      ["c2", "=1+1", ""],
    ];
    const csv = toCsv(rows);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4);
    expect(parseCsv(csv)).toEqual([rows[0], rows[1], ["c2", "'=1+1", ""]]);
  });
});
