import { describe, expect, it } from "vitest";
import { createReadTurns } from "./read-turns";

describe("createReadTurns", () => {
  it("applies only the answer of the newest read, whatever order the answers arrive in", () => {
    const turns = createReadTurns();
    const first = turns.start();
    const second = turns.start();
    expect(turns.readAfterAnswers(second)).toBe(true);
    expect(turns.readAfterAnswers(first)).toBe(false);
  });

  it("an answer applied after a read began makes that read's answer old", () => {
    const turns = createReadTurns();
    const read = turns.start();
    turns.start(); // an action's answer, applied
    expect(turns.readAfterAnswers(read)).toBe(false);
  });

  it("keeps separate sequences apart", () => {
    const [a, b] = [createReadTurns(), createReadTurns()];
    const read = a.start();
    b.start();
    expect(a.readAfterAnswers(read)).toBe(true);
  });
});
