// Editing, removing and restoring evidence, and attaching files, against the real database: audit rows, the
// claim's evidence count, who may do it, and the intruder's side (another team sees nothing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { addEvidence } from "@/lib/claims/evidence";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { searchTeam } from "@/lib/search/search";
import { editEvidence, removeEvidence, restoreEvidence } from "./edit-evidence";
import { addFileEvidence, getEvidenceFile, MAX_EVIDENCE_FILE_BYTES } from "./files";
import { readEvidenceUpload } from "./upload";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

let desk: Awaited<ReturnType<typeof createDesk>>;
let intruder: Awaited<ReturnType<typeof createUser>>;
let claimId: string;

beforeAll(async () => {
  desk = await createDesk();
  intruder = await createUser((await createTeam()).id, "admin", "intruder");
  claimId = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) })).id;
});
afterAll(async () => {
  await testDb().$disconnect();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (err: unknown) => (err instanceof AppError ? err.code : String(err)),
  );
}
const fields = {
  url: "https://www.gov.uk/government/statistics/defence-departmental-resources-2024",
  title: "Defence departmental resources: 2024",
  excerpt: "2.3% of GDP",
  stance: "supports" as const,
  sourceType: "primary" as const,
  retrievedAt: new Date("2026-11-01"),
};
const audit = (entityId: string) => testDb().auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });
const evidenceCount = async () => (await testDb().claim.findUniqueOrThrow({ where: { id: claimId } })).evidenceCount;
const archiveJobs = (evidenceId: string) =>
  db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ${`evidence-archive:${evidenceId}`}`;

describe("editing evidence", () => {
  it("lets the person who added it edit, audited with before and after; a new URL is archived again", async () => {
    const evidence = await addEvidence({ userId: desk.reviewer.id, claimId, ...fields });
    const edited = await editEvidence({
      userId: desk.reviewer.id,
      evidenceId: evidence.id,
      version: evidence.version,
      ...fields,
      url: "https://www.gov.uk/government/statistics/defence-departmental-resources-2025",
      stance: "context",
    });
    expect(edited).toMatchObject({ stance: "context", version: 2, editedAt: expect.any(String) });
    const rows = await audit(evidence.id);
    expect(rows.map((r) => r.action)).toEqual(["evidence.added", "evidence.edited"]);
    expect(rows[1]).toMatchObject({
      actorId: desk.reviewer.id,
      teamId: desk.team.id,
      claimId,
      before: { stance: "supports", url: fields.url, version: 1 },
      after: { stance: "context", version: 2 },
    });
    // One waiting archive job per evidence (job key), replaced by the edit.
    expect((await archiveJobs(evidence.id))[0]!.n).toBe(1);
    // Stale version: someone else saved first.
    expect(await codeOf(editEvidence({ userId: desk.editor.id, evidenceId: evidence.id, version: 1, ...fields }))).toBe("conflict");
  });

  it("refuses a reviewer who did not add it (403), a viewer (403) and another team (404), changing nothing", async () => {
    const evidence = await addEvidence({ userId: desk.reviewer.id, claimId, ...fields });
    const change = { evidenceId: evidence.id, ...fields, title: "Changed" };
    expect(await codeOf(editEvidence({ userId: desk.reviewer2.id, ...change }))).toBe("forbidden");
    expect(await codeOf(editEvidence({ userId: desk.viewer.id, ...change }))).toBe("forbidden");
    expect(await codeOf(editEvidence({ userId: intruder.id, ...change }))).toBe("not_found");
    expect(await codeOf(removeEvidence({ userId: intruder.id, evidenceId: evidence.id }))).toBe("not_found");
    expect(await codeOf(removeEvidence({ userId: desk.reviewer2.id, evidenceId: evidence.id }))).toBe("forbidden");
    expect(await codeOf(restoreEvidence({ userId: intruder.id, evidenceId: evidence.id }))).toBe("not_found");
    expect((await testDb().evidence.findUniqueOrThrow({ where: { id: evidence.id } })).title).toBe(fields.title);
    expect((await audit(evidence.id)).map((r) => r.action)).toEqual(["evidence.added"]);
    // An editor may change anyone's evidence.
    expect(await codeOf(editEvidence({ userId: desk.editor.id, ...change }))).toBe("ok");
  });

  it("refuses to leave a link without a URL", async () => {
    const evidence = await addEvidence({ userId: desk.reviewer.id, claimId, ...fields });
    expect(await codeOf(editEvidence({ userId: desk.reviewer.id, evidenceId: evidence.id, ...fields, url: "" }))).toBe("unprocessable");
  });
});

describe("removing evidence", () => {
  it("hides it from the count, search and the file route, audited, and undo brings it back", async () => {
    const evidence = await addEvidence({ userId: desk.reviewer.id, claimId, ...fields, title: "Quarterly munitions ledger" });
    const before = await evidenceCount();
    const removed = await removeEvidence({ userId: desk.reviewer.id, evidenceId: evidence.id });
    expect(removed.deletedAt).not.toBeNull();
    expect(await evidenceCount()).toBe(before - 1);
    const search = async () =>
      (await searchTeam({ userId: desk.reviewer.id, teamId: desk.team.id, q: "munitions ledger", kind: "evidence", page: 1 })).hits;
    expect(await search()).toEqual([]);
    // The panel still lists it, marked removed, so Undo is at hand.
    const card = (await getClaim({ claimId, userId: desk.reviewer.id }))!.evidence.find((e) => e.id === evidence.id);
    expect(card?.deletedAt).not.toBeNull();
    // Editing a removed source: restore it first.
    expect(await codeOf(editEvidence({ userId: desk.reviewer.id, evidenceId: evidence.id, ...fields }))).toBe("unprocessable");

    const restored = await restoreEvidence({ userId: desk.reviewer.id, evidenceId: evidence.id });
    expect(restored.deletedAt).toBeNull();
    expect(await evidenceCount()).toBe(before);
    expect(await search()).toHaveLength(1);
    const rows = await audit(evidence.id);
    expect(rows.map((r) => r.action)).toEqual(["evidence.added", "evidence.removed", "evidence.restored"]);
    expect(rows[1]).toMatchObject({ before: { deletedAt: null }, after: { deletedAt: expect.any(String) } });
  });
});

describe("files as evidence", () => {
  const upload = async (name: string, type: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], name, { type }));
    form.set("title", "Leaked budget memo");
    form.set("stance", "contradicts");
    form.set("sourceType", "primary");
    form.set("retrievedAt", "2026-11-02");
    const request = new Request("http://test/upload", { method: "POST", body: form });
    const body = Buffer.from(await request.arrayBuffer());
    return readEvidenceUpload(body, request.headers.get("content-type")!, claimId);
  };

  it("stores a PNG with its sniffed type, audited; the team reads it back, another team gets 404", async () => {
    const input = await upload("memo page 1.png", "application/octet-stream", PNG);
    const evidence = await addFileEvidence({ ...input, userId: desk.reviewer.id });
    expect(evidence).toMatchObject({ url: "", file: { name: "memo page 1.png", mediaType: "image/png", size: PNG.length } });
    const file = await getEvidenceFile({ userId: desk.viewer.id, evidenceId: evidence.id });
    expect(Buffer.from(file.bytes).equals(PNG)).toBe(true);
    expect(await codeOf(getEvidenceFile({ userId: intruder.id, evidenceId: evidence.id }))).toBe("not_found");
    const [added] = await audit(evidence.id);
    expect(added).toMatchObject({ action: "evidence.added", after: { file: { mediaType: "image/png", sha256: expect.any(String) } } });
    // No archive job for a file.
    expect((await archiveJobs(evidence.id))[0]!.n).toBe(0);
    // Removed: the file is no longer served.
    await removeEvidence({ userId: desk.reviewer.id, evidenceId: evidence.id });
    expect(await codeOf(getEvidenceFile({ userId: desk.viewer.id, evidenceId: evidence.id }))).toBe("not_found");
  });

  it("refuses HTML named and typed as an image, unknown bytes, empty files and files over 10 MB", async () => {
    const html = Buffer.from("<!doctype html><script>alert(document.cookie)</script>");
    for (const [name, type, bytes, code] of [
      ["photo.png", "image/png", html, "unprocessable"],
      ["report.pdf", "application/pdf", Buffer.from("GIF89a not a pdf"), "unprocessable"],
      ["empty.pdf", "application/pdf", Buffer.alloc(0), "unprocessable"],
      [
        "big.pdf",
        "application/pdf",
        Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(MAX_EVIDENCE_FILE_BYTES)]),
        "payload_too_large",
      ],
    ] as const) {
      const input = await upload(name, type, bytes);
      expect(await codeOf(addFileEvidence({ ...input, userId: desk.reviewer.id })), name).toBe(code);
    }
    const viewerTry = await upload("memo.png", "image/png", PNG);
    expect(await codeOf(addFileEvidence({ ...viewerTry, userId: desk.viewer.id }))).toBe("forbidden");
    expect(await codeOf(addFileEvidence({ ...viewerTry, userId: intruder.id }))).toBe("not_found");
  });
});
