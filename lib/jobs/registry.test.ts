import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { recurringJobs, registeredJobs } from "@/lib/jobs/registry";

describe("the job registry", () => {
  it("has crontab lines graphile-worker accepts, each naming a registered job", () => {
    const items = parseCrontab(recurringJobs.join("\n"));
    const names = new Set(registeredJobs.map((j) => j.name));
    expect(items.map((i) => i.task).filter((task) => !names.has(task))).toEqual([]);
    expect(items.length).toBe(recurringJobs.length);
  });
});
