import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { VerdictCard } from "@/components/publish/VerdictCard";
import { getEmbeddableClaim } from "@/lib/publish/embed";
import { publicBaseUrl } from "@/lib/publish/public-url";

// One verdict card for a newsroom's CMS to frame (oEmbed: /api/oembed). Public like the report
// it comes from; next.config.js lets any site frame /embed/* and nothing else.

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = cache((id: string) => getEmbeddableClaim({ claimId: id, baseUrl: publicBaseUrl() }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).id);
  return found
    ? { title: `Fact check: ${found.claim.verdict.label}`, robots: { index: false } }
    : { title: "Not found", robots: { index: false } };
}

export default async function EmbeddedClaim({ params }: Props) {
  const found = await load((await params).id);
  if (!found) notFound();
  return (
    <main className="bg-paper p-2" data-testid="embed">
      <VerdictCard claim={{ ...found.claim, highlighted: true }} scale={found.article.ratingScale} />
      <p className="mt-2 px-1 text-xs text-muted">
        Fact check by {found.article.publisher.name} ·{" "}
        <a href={found.url} target="_blank" rel="noopener" className="text-accent underline-offset-2 hover:underline">
          Read the full report
        </a>
      </p>
    </main>
  );
}
