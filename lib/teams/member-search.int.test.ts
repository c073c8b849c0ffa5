// The member picker's search: a page at a time, by name or email, only for members of the team.
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb, unique } from "@/e2e/fixtures/factories";
import { assignReviewers } from "@/lib/claims/assignments";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { searchMembers } from "@/lib/teams/member-search";
import { MEMBER_SEARCH_PAGE_SIZE } from "@/lib/validation/notifications";

afterAll(async () => {
  await testDb().$disconnect();
});

describe("searchMembers", () => {
  it("pages through 85 members by name with no gaps or repeats", async () => {
    const team = await createTeam();
    const admin = await createUser(team.id, "admin");
    await Promise.all(Array.from({ length: 84 }, (_, i) => createUser(team.id, i % 4 === 0 ? "viewer" : "reviewer", `m${i}`)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchMembers({ teamId: team.id, userId: admin.id, cursor });
      expect(page.members.length).toBeLessThanOrEqual(MEMBER_SEARCH_PAGE_SIZE);
      seen.push(...page.members.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(85 / MEMBER_SEARCH_PAGE_SIZE));
    expect(new Set(seen).size).toBe(85);
    const names = (await testDb().user.findMany({ where: { id: { in: seen } }, select: { id: true, name: true } })).map((u) => u.name);
    expect(names.length).toBe(85);
    const writers = await searchMembers({ teamId: team.id, userId: admin.id, writers: "1" });
    expect(writers.members.every((m) => m.role !== "viewer")).toBe(true);
  });

  it("finds people by part of their name or email in any case, with their open assignments in this team", async () => {
    const desk = await createDesk();
    const marker = unique("Zed").toLowerCase();
    const zed = await createUser(desk.team.id, "reviewer", marker, `Zelda ${marker}`);
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "The UK currently spends around 2.3 per cent"),
    });
    await assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [zed.id] });
    const byName = await searchMembers({ teamId: desk.team.id, userId: desk.viewer.id, q: `ZELDA ${marker.toUpperCase()}` });
    expect(byName.members).toEqual([{ id: zed.id, name: zed.name, email: zed.email, role: "reviewer", openAssignments: 1 }]);
    const byEmail = await searchMembers({ teamId: desk.team.id, userId: desk.viewer.id, q: zed.email.slice(0, 12) });
    expect(byEmail.members.map((m) => m.id)).toEqual([zed.id]);
  });

  it("gives an outsider nothing, even naming the team, and leaves out disabled members", async () => {
    const desk = await createDesk();
    const intruder = (await createDesk()).admin;
    expect(await searchMembers({ teamId: desk.team.id, userId: intruder.id })).toEqual({ members: [], nextCursor: null });
    await testDb().user.update({ where: { id: desk.reviewer2.id }, data: { disabled: true } });
    const page = await searchMembers({ teamId: desk.team.id, userId: desk.editor.id });
    expect(page.members.map((m) => m.id)).not.toContain(desk.reviewer2.id);
    expect(page.members).toHaveLength(4);
  });
});
