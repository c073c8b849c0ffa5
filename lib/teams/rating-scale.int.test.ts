// A team's own rating scale against the real database: the rules the server holds a scale to, ratings added and
// removed without losing stored verdicts, "no rating" marks in the stats and in ClaimReview, and unarchiving.
import { afterAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { getDeskStats } from "@/lib/reports/desk-stats";
import { getPublicReport } from "@/lib/publish/report";
import { listMyTeams } from "@/lib/teams/members";
import { archiveTeam, createTeam, getTeamOptions, listArchivedTeams, unarchiveTeam, updateTeamOptions } from "@/lib/teams/manage-teams";
import { defaultRatingScale, verdictLook, type RatingEntry } from "@/lib/teams/rating-scale";
import { contrastRatio } from "@/lib/teams/colour";

afterAll(async () => {
  await testDb().$disconnect();
});

type Desk = Awaited<ReturnType<typeof createDesk>>;

const saveScale = (desk: Desk, ratingScale: RatingEntry[], userId = desk.admin.id) =>
  updateTeamOptions({ teamId: desk.team.id, userId, doubleReviewDefault: false, requireSso: false, ratingScale });

const HALF_TRUE: RatingEntry = { key: "half_true", label: "Half true", colour: "#ffd500", ordinal: 3, noRating: false };

async function claim(desk: Desk, articleId: string, status: ClaimStatus, verdict: { ordinal: number; label: string } | null) {
  return testDb().claim.create({
    data: {
      articleId,
      exact: "The harbour moved 3 million tonnes.",
      prefix: "",
      suffix: "",
      start: 0,
      end: 10,
      status,
      verdictOrdinal: verdict?.ordinal ?? null,
      verdictLabel: verdict?.label ?? null,
      verdictExplanation: verdict ? "Port authority figures for the year." : null,
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
    },
  });
}

describe("a team's rating scale", () => {
  it("is refused with 422 when it breaks a rule, and left as it was", async () => {
    const desk = await createDesk();
    const scale = defaultRatingScale();
    const bad: [string, RatingEntry[]][] = [
      ["empty", []],
      [
        "13 ratings",
        Array.from({ length: 13 }, (_, i) => ({ key: `r${i}`, label: `Rating ${i}`, colour: "#123456", ordinal: 3, noRating: false })),
      ],
      ["same label, other case", [...scale, { ...HALF_TRUE, label: "mostly TRUE" }]],
      ["same key", [...scale, { ...HALF_TRUE, key: "true" }]],
      ["colour name", scale.map((e, i) => (i === 0 ? { ...e, colour: "red" } : e))],
      ["colour with CSS in it", scale.map((e, i) => (i === 0 ? { ...e, colour: "#fff;background:url(x)" } : e))],
      ["short hex", scale.map((e, i) => (i === 0 ? { ...e, colour: "#fff" } : e))],
      ["value 6", scale.map((e, i) => (i === 0 ? { ...e, ordinal: 6 } : e))],
      ["value 0 that is a rating", scale.map((e) => (e.ordinal === 0 ? { ...e, noRating: false } : e))],
      ["empty label", scale.map((e, i) => (i === 0 ? { ...e, label: "  " } : e))],
      ["one value, two minds about no rating", [...scale, { ...HALF_TRUE, noRating: true }]],
    ];
    for (const [name, ratingScale] of bad) {
      expect(await outcomeOf(saveScale(desk, ratingScale)), name).toBe("unprocessable");
    }
    expect((await testDb().team.findUniqueOrThrow({ where: { id: desk.team.id } })).ratingScale).toBeNull();
  });

  it("gains and loses ratings; stored verdicts keep their label, new ones take the new rating, a removed one is refused", async () => {
    const desk = await createDesk();
    const old = await claim(desk, desk.article.id, "verified", { ordinal: 2, label: "Mostly false" });
    const open = await claim(desk, desk.article.id, "in_review", null);
    // "Half true" joins at value 3 beside Misleading; "Mostly false" goes.
    const scale = [...defaultRatingScale().filter((e) => e.key !== "mostly_false"), HALF_TRUE];
    await saveScale(desk, scale);
    const read = await getTeamOptions({ teamId: desk.team.id, userId: desk.reviewer.id });
    expect(read.ratingScale.map((e) => e.label)).toEqual(["True", "Mostly true", "Misleading", "False", "Unverifiable", "Half true"]);

    const set = await setClaimVerdict({
      userId: desk.reviewer.id,
      claimId: open.id,
      verdict: "half_true",
      explanation: "Half of the figure is right.",
    });
    expect(set.verdict).toMatchObject({ label: "Half true", ordinal: 3 });
    expect(verdictLook(read.ratingScale, set.verdict!).colour).toBe("#ffd500");

    expect(
      await outcomeOf(
        setClaimVerdict({ userId: desk.reviewer.id, claimId: open.id, verdict: "mostly_false", explanation: "Mostly wrong figures." }),
      ),
    ).toBe("unprocessable");
    const stored = await testDb().claim.findUniqueOrThrow({ where: { id: old.id } });
    expect({ label: stored.verdictLabel, ordinal: stored.verdictOrdinal }).toEqual({ label: "Mostly false", ordinal: 2 });
    // Its rating is gone: it shows in the default colour of its value, with its own label.
    expect(verdictLook(read.ratingScale, { label: "Mostly false", ordinal: 2 }).colour).toBe("#c2571a");
  });

  it("counts every rating marked no rating as not a rating in the agreement figures and the verdict totals", async () => {
    const desk = await createDesk();
    // Misleading (3) is "no rating" for this team, besides Unverifiable (0).
    await saveScale(
      desk,
      defaultRatingScale().map((e) => (e.key === "misleading" ? { ...e, noRating: true } : e)),
    );
    const reviews: [string, string, number][][] = [
      [
        ["True", "True", 5],
        ["True", "True", 5],
      ],
      [
        ["Misleading", "Misleading", 3],
        ["False", "False", 1],
      ],
      [
        ["False", "False", 1],
        ["Mostly false", "Mostly false", 2],
      ],
    ];
    for (const pair of reviews) {
      const c = await claim(desk, desk.article.id, "verdict_proposed", { ordinal: pair[0]![2], label: pair[0]![1] });
      await testDb().reviewVerdict.createMany({
        data: [
          { claimId: c.id, reviewerId: desk.reviewer.id, ordinal: pair[0]![2], label: pair[0]![0], explanation: "First look." },
          { claimId: c.id, reviewerId: desk.reviewer2.id, ordinal: pair[1]![2], label: pair[1]![0], explanation: "Second look." },
        ],
      });
    }
    await claim(desk, desk.article.id, "verified", { ordinal: 0, label: "Unverifiable" });

    const stats = await getDeskStats({ teamId: desk.team.id, userId: desk.editor.id });
    // The Misleading review drops out of the ordinal figure like an Unverifiable one would.
    expect(stats.team.ordinal.unverifiableExcluded).toBe(1);
    expect(stats.team.ordinal.units).toBe(2);
    expect(stats.team.items).toBe(3);
    expect(stats.verdictMix.find((b) => b.key === "misleading")).toMatchObject({ noRating: true, count: 1 });
    expect(stats.verdictMix.find((b) => b.key === "unverifiable")).toMatchObject({ noRating: true, count: 1 });
    expect(stats.verdictTotals).toEqual({ rated: 2, noRating: 2 });
  });

  it("keeps ClaimReview valid: a rating value only for ratings on the truth scale", async () => {
    const desk = await createDesk();
    await saveScale(desk, [
      ...defaultRatingScale().map((e) => (e.key === "misleading" ? { ...e, noRating: true } : e)),
      { ...HALF_TRUE, noRating: true },
    ]);
    const article = await createArticle(desk.team.id, { title: "Harbour figures" });
    await claim(desk, article.id, "verified", { ordinal: 1, label: "False" });
    await claim(desk, article.id, "verified", { ordinal: 3, label: "Half true" });
    await testDb().article.update({
      where: { id: article.id },
      data: { reportPublishedAt: new Date(), reportPublishedById: desk.editor.id },
    });
    const report = await getPublicReport({ articleId: article.id, baseUrl: "https://factdesk.example" });
    const ratings = report!.claimReview["@graph"].map((r) => r.reviewRating);
    expect(ratings).toContainEqual(expect.objectContaining({ alternateName: "False", ratingValue: 1, bestRating: 5, worstRating: 1 }));
    const half = ratings.find((r) => r.alternateName === "Half true")!;
    expect(half).not.toHaveProperty("ratingValue");
    expect(half).not.toHaveProperty("bestRating");
    expect(report!.article.ratingScale.find((e) => e.key === "half_true")?.colour).toBe("#ffd500");
  });

  it("shows every colour with text at WCAG AA contrast", async () => {
    const desk = await createDesk();
    const colours = ["#ffd500", "#000000", "#ffffff", "#767676", "#1a7f37", "#ff00ff", "#00ffff", "#7f7f7f"];
    await saveScale(
      desk,
      colours.map((colour, i) => ({ key: `r${i}`, label: `Rating ${i}`, colour, ordinal: (i % 5) + 1, noRating: false })),
    );
    const { ratingScale } = await getTeamOptions({ teamId: desk.team.id, userId: desk.viewer.id });
    for (const r of ratingScale) {
      const look = verdictLook(ratingScale, r);
      expect(contrastRatio(look.colour, look.text), r.colour).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(look.tint, "#1c1b19"), r.colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("unarchiving a team", () => {
  it("brings it back for its members, audited; only its admins may, and only when it is archived", async () => {
    const desk = await createDesk();
    const other = await createDesk();
    const team = await createTeam({ userId: desk.admin.id, name: "Election desk" });
    await testDb().membership.create({ data: { teamId: team.id, userId: desk.editor.id, role: "editor" } });
    expect(await outcomeOf(unarchiveTeam({ teamId: team.id, userId: desk.admin.id }))).toBe("conflict");
    await archiveTeam({ teamId: team.id, userId: desk.admin.id, confirmName: "Election desk" });
    expect((await listArchivedTeams({ userId: desk.admin.id })).map((t) => t.name)).toEqual(["Election desk"]);
    expect(await listArchivedTeams({ userId: desk.editor.id })).toEqual([]);

    expect(await outcomeOf(unarchiveTeam({ teamId: team.id, userId: desk.editor.id }))).toBe("forbidden");
    expect(await outcomeOf(unarchiveTeam({ teamId: team.id, userId: other.admin.id }))).toBe("not_found");
    expect((await listMyTeams({ userId: desk.editor.id })).map((t) => t.id)).not.toContain(team.id);

    await unarchiveTeam({ teamId: team.id, userId: desk.admin.id });
    expect((await listMyTeams({ userId: desk.editor.id })).map((t) => t.id)).toContain(team.id);
    expect(await listArchivedTeams({ userId: desk.admin.id })).toEqual([]);
    const audit = await testDb().auditEvent.findMany({ where: { teamId: team.id, entity: "team" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["team.created", "team.archived", "team.unarchived"]);
    expect(audit.at(-1)!.actorId).toBe(desk.admin.id);
  });
});
