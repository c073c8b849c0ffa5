import { describe, expect, it } from "vitest";
import { describeRole, ROLES, SIGN_OFF_ROLES, TEAM_ADMIN_ROLES, WRITE_ROLES } from "@/lib/access/roles";

describe("describeRole", () => {
  it("gives each role exactly the rights of the lists it is in", () => {
    for (const role of ROLES) {
      const { may } = describeRole(role);
      expect(may.some((m) => m.startsWith("mark claims"))).toBe(WRITE_ROLES.includes(role));
      expect(may.some((m) => m.startsWith("sign off verdicts"))).toBe(SIGN_OFF_ROLES.includes(role));
      expect(may.some((m) => m.startsWith("manage members"))).toBe(TEAM_ADMIN_ROLES.includes(role));
    }
  });

  it("says only what a role adds to the next one down, and calls the reviewer the fact-checker", () => {
    expect(describeRole("reviewer")).toMatchObject({ who: "the fact-checker", below: "viewer" });
    expect(describeRole("reviewer").also).toEqual(["mark claims, add evidence and comments, propose verdicts"]);
    expect(describeRole("viewer")).toMatchObject({ below: null, also: describeRole("viewer").may });
    expect(describeRole("admin").also).toEqual(["manage members, invitations and team settings"]);
  });
});
