// The W3C export names as a verdict's creator whoever the record (lib/claims/record.ts) says checked it: both
// reviewers of an agreed double review (a list, as the model allows), the author or settling editor of a written one,
// and for a verdict imported and not changed since, the creator the file gave it, or nobody when the file gave none:
// never the person who ran the import, who did not write it. A round trip keeps the list. The records of all the
// article's claims are read in one statement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { installLoggedDb } from "@/e2e/fixtures/logged-db";
import { urn, type W3CAnnotation, type W3CCollection, type W3CVerdictBody } from "@/lib/annotations/w3c";

const statements: string[] = [];
// lib/db's client and pool report every statement here; everything that imports lib/db is imported after this.
const logged = installLoggedDb((query) => statements.push(query));

const { PHRASES } = await import("@/lib/publish/test-helpers");
const { exportAnnotations } = await import("@/lib/annotations/export-annotations");
const { importAnnotations } = await import("@/lib/annotations/import-annotations");
const { agreeInDoubleReview, importVerdict, settleDispute } = await import("@/lib/claims/record-fixture");

const BASE = "https://factdesk.example.org";
let desk: Awaited<ReturnType<typeof createDesk>>;

const agent = (user: { id: string; name: string }) => ({ id: urn("user", user.id), type: "Person", name: user.name });
const exported = (articleId: string) => exportAnnotations({ articleId, userId: desk.viewer.id, baseUrl: BASE });

/** The verdict ("assessing") body of the claim `claimId` in `file`. */
function verdictOf(file: W3CCollection, claimId: string): W3CVerdictBody {
  const item = file.first.items.find((a) => a.id === urn("claim", claimId));
  const body = item?.body.find((b) => b.purpose === "assessing");
  if (!body) throw new Error(`no verdict for ${claimId} in the file`);
  return body as W3CVerdictBody;
}

beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await logged.$disconnect();
  await testDb().$disconnect();
});

describe("the creator of an exported verdict", () => {
  it("lists both reviewers of an agreed double review in answer order, and a round trip keeps them", async () => {
    const claimId = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.verified);
    const file = await exported(desk.article.id);
    expect(verdictOf(file, claimId).creator).toEqual([agent(desk.reviewer), agent(desk.reviewer2)]);

    file.first.items = file.first.items.filter((a) => a.id === urn("claim", claimId));
    const copy = await createArticle(desk.team.id);
    const [copyId] = (await importAnnotations({ userId: desk.editor.id, articleId: copy.id, document: file })).claimIds;
    expect(verdictOf(await exported(copy.id), copyId!).creator).toEqual([agent(desk.reviewer), agent(desk.reviewer2)]);
  });

  it("is the editor who settled a dispute", async () => {
    const claimId = await settleDispute(desk, PHRASES.unverifiable);
    expect(verdictOf(await exported(desk.article.id), claimId).creator).toEqual(agent(desk.editor));
  });

  it("is the file's creator for an imported verdict, and left out when the file named none, never the importer", async () => {
    const kept = await importVerdict(desk, desk.editor, PHRASES.proposed);
    expect(verdictOf(await exported(kept.articleId), kept.claimId).creator).toEqual(agent(desk.reviewer));

    // A file from a tool that names nobody: no creator on the annotation (which its bodies would inherit) nor the verdict.
    const anonymous = await importVerdict(desk, desk.editor, PHRASES.doubleReview, (file) => {
      for (const item of file.first.items) {
        delete (item as Partial<W3CAnnotation>).creator;
        for (const body of item.body) if (body.purpose === "assessing") delete (body as W3CVerdictBody).creator;
      }
    });
    const verdict = verdictOf(await exported(anonymous.articleId), anonymous.claimId);
    expect(verdict["factdesk:verdict"]).toMatchObject({ key: "mostly_true" });
    expect(verdict).not.toHaveProperty("creator");
  });

  it("is read from the records of all the article's claims in one statement", async () => {
    statements.length = 0;
    const file = await exported(desk.article.id);
    expect(file.first.items.length).toBeGreaterThan(3);
    expect(statements.filter((sql) => /"AuditEvent"/.test(sql))).toHaveLength(1);
  });
});
