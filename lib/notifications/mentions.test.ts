import { describe, expect, it } from "vitest";
import { resolveMentions } from "@/lib/notifications/mentions";

const ada = { id: "ada", name: "Ada Admin" };
const adaShort = { id: "ada2", name: "Ada" };
const ed = { id: "ed", name: "Ed Editor" };
const twinA = { id: "twinA", name: "Sam Lee" };
const twinB = { id: "twinB", name: "Sam Lee" };
const members = [ada, adaShort, ed, twinA, twinB];

describe("resolveMentions", () => {
  it("finds full names after @, in any case, once each, longest name first", () => {
    expect(resolveMentions("@ed editor and @Ada Admin, then @Ada again and @ED EDITOR", members)).toEqual(["ed", "ada", "ada2"]);
  });
  it("leaves plain text alone: email addresses, half names, unknown people", () => {
    expect(resolveMentions("write to ada@Ada Admin.org or @Edward or @Nobody", members)).toEqual([]);
    expect(resolveMentions("@Ed Editors", members)).toEqual([]);
  });
  it("mentions a shared name only for the members the writer picked", () => {
    expect(resolveMentions("@Sam Lee please", members)).toEqual([]);
    expect(resolveMentions("@Sam Lee please", members, ["twinB"])).toEqual(["twinB"]);
  });
  it("never adds a picked member whose name is not in the text", () => {
    expect(resolveMentions("no mention here", members, ["ada", "ed"])).toEqual([]);
  });
});
