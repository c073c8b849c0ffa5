import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { getEvidenceArchive } from "@/lib/evidence/get-archive";
import { pageId } from "@/lib/validation/ids";
import { SnapshotView } from "@/components/evidence/SnapshotView";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Archived source" };

export default async function EvidenceArchivePage({ params }: Props) {
  const id = pageId(await params);
  if (!id) notFound();
  const user = await requireUser();
  const archive = await getEvidenceArchive({ userId: user.id, evidenceId: id });
  if (!archive) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <p className="mb-2 text-sm">
        <Link href={`/articles/${archive.articleId}?claim=${archive.claimId}`} className="text-accent underline-offset-2 hover:underline">
          ← Back to the claim
        </Link>
      </p>
      <SnapshotView archive={archive} />
    </main>
  );
}
