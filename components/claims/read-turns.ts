// Answers to reads that replace the same state (the open claim's panel: opening a claim, a refresh, an action's
// answer) can arrive out of order. Each read takes a turn as it starts; its answer is applied only when no newer read
// started, and no newer answer was applied, since (readAfterAnswers). No React, no DOM: used by ArticleWorkspace.

export type ReadTurns = {
  /** Takes the next turn: for a read as it starts, or for an answer as it is applied (older reads then lose). */
  start: () => number;
  /** Whether the read that took `turn` is still the newest, so its answer may be applied. */
  readAfterAnswers: (turn: number) => boolean;
};

/** A new, independent sequence of turns (one per state the answers replace). */
export function createReadTurns(): ReadTurns {
  let latest = 0;
  return { start: () => ++latest, readAfterAnswers: (turn) => turn === latest };
}
