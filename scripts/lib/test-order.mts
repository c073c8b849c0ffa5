// The order Vitest starts test files in (vitest.config.mts, `sequence.sequencer`). CI runs on a clean clone, where
// Vitest has no durations from an earlier run and starts each project's largest files first, so a small file that
// runs long starts near the end and the other worker idles while it finishes. Worse, one of them gets slower the
// later it starts (checked-before-hostile, below). The files listed here start before the rest of their project.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Test files (paths relative to the repository root) that start before the rest of their project, in this order,
 * each with why. A file missing from the list only starts later; scripts/lib/test-order.test.ts checks each exists.
 */
export const START_FIRST: { file: string; why: string }[] = [
  {
    file: "lib/claims/checked-before-hostile.int.test.ts",
    why: "looks up a 60,000-character text among every team's claims: ~1 s on a fresh database, 33 s (PostgreSQL CPU) once the suite's other files have filled it",
  },
  { file: "lib/jobs/runner-stall.int.test.ts", why: "~20 s, mostly waiting out stalled statements" },
  { file: "lib/live/credential-expiry.int.test.ts", why: "~12 s, waits for streams to reach their deadlines" },
  { file: "lib/claims/checked-before-timeout.int.test.ts", why: "~11 s, waits out statement timeouts" },
  { file: "lib/db-query-timeout.int.test.ts", why: "~11 s, waits out query timeouts" },
  { file: "lib/live/change-listener-stall.int.test.ts", why: "~11 s, waits for the listener to notice a stall and come back" },
];

/** Where `moduleId` (an absolute path) stands in START_FIRST; files not listed rank after all listed ones. */
function startRank(moduleId: string): number {
  const normalised = moduleId.split("\\").join("/");
  const index = START_FIRST.findIndex(({ file }) => normalised.endsWith(`/${file}`));
  return index === -1 ? START_FIRST.length : index;
}

/**
 * Vitest's own order (projects one after another; within one, failed and longer files first when an earlier run is
 * cached, largest files first when not), except that within each project the START_FIRST files come first.
 */
export class StartSlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    // Array.prototype.sort is stable: files of the same rank keep Vitest's order.
    return sorted.sort(
      (a, b) => projects.indexOf(a.project.name) - projects.indexOf(b.project.name) || startRank(a.moduleId) - startRank(b.moduleId),
    );
  }
}
