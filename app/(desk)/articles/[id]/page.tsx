import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { getArticle } from "@/lib/articles/get-article";
import { SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/access/roles";
import { countArticleClaims, listClaimSummaryPage } from "@/lib/claims/claim-pages";
import { latestActivityId, listArticleActivity } from "@/lib/audit/list-activity";
import { listSuggestions } from "@/lib/claims/suggested";
import { packSuggestions } from "@/lib/claims/suggestion-pack";
import { ArticleHeader } from "@/components/articles/ArticleHeader";
import { ArticleTags } from "@/components/tags/ArticleTags";
import { ArticleDetailsForm } from "@/components/articles/ArticleDetailsForm";
import { DoubleReviewToggle } from "@/components/articles/DoubleReviewToggle";
import { ArticlePublishTools } from "@/components/publish/ArticlePublishTools";
import { ArticleWorkspace } from "@/components/claims/ArticleWorkspace";
import { VersionBar } from "@/components/articles/versions/VersionBar";
import { pageId } from "@/lib/validation/ids";
import { listMembers } from "@/lib/teams/members";
import { readClaimFilter } from "@/lib/claims/claim-filter";
import { RatingScaleProvider } from "@/components/claims/RatingScale";
import { getTeamOptions } from "@/lib/teams/manage-teams";
import { getClaim } from "@/lib/claims/get-claim";
import { AppError } from "@/lib/http/errors";

// The claims sent with the page, in text order: the workspace loads the rest through the claims API once the page
// answers (at 10,000 claims the whole list made 7.6 MB of HTML, bench/page-weight.ts). 1,000, not fewer: an article
// with up to 1,000 claims paints every highlight without a second request (bench/highlights.ts: 1.88× the no-claim
// page with 200 sent, 1.2× with all of them).
const FIRST_CLAIMS = 1000;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = pageId(await params);
  if (!id) return { title: "Article not found" };
  const user = await requireUser();
  const article = await getArticle({ id, userId: user.id });
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const id = pageId(await params);
  if (!id) notFound();
  const query = await searchParams;
  const first = (key: string) => (Array.isArray(query[key]) ? query[key][0] : query[key]);
  const claimParam = first("claim");
  const openClaimId = typeof claimParam === "string" ? claimParam : null;
  const savedParams = { saved: first("saved"), moved: first("moved"), review: first("review") };
  const initialFilter = readClaimFilter({ get: (key) => first(key) ?? null });
  const user = await requireUser();
  const article = await getArticle({ id, userId: user.id });
  if (!article) notFound();
  // The live stream starts from the newest audit row read here, so nothing falls in between.
  const liveAfter = await latestActivityId(article.id);
  const [members, claims, claimCounts, activity, suggestions, options, openClaim] = await Promise.all([
    listMembers({ teamId: article.teamId, userId: user.id }),
    listClaimSummaryPage({ articleId: article.id, userId: user.id, limit: FIRST_CLAIMS }),
    countArticleClaims({ articleId: article.id, userId: user.id }),
    listArticleActivity({ articleId: article.id, userId: user.id, limit: 50 }),
    listSuggestions({ articleId: article.id, userId: user.id }),
    getTeamOptions({ teamId: article.teamId, userId: user.id }),
    // A ?claim= link opens the claim's full panel with the page itself: read in the browser afterwards, its preview
    // showed first and then gave way to the panel (a visible flash). One the user cannot read is left to the browser,
    // which says so as before.
    openClaimId && pageId({ id: openClaimId })
      ? getClaim({ claimId: openClaimId, userId: user.id }).catch((err: unknown) => {
          if (err instanceof AppError && err.code === "not_found") return null;
          throw err;
        })
      : null,
  ]);
  // After "Save as version N", the edit page comes back here with what re-anchoring did.
  const savedVersion = Number(savedParams.saved);
  const saved =
    Number.isInteger(savedVersion) && savedVersion > 0
      ? { version: savedVersion, moved: Number(savedParams.moved) || 0, needsReview: Number(savedParams.review) || 0 }
      : null;
  return (
    <RatingScaleProvider scale={options.ratingScale}>
      <ArticleWorkspace
        articleId={article.id}
        body={article.body}
        blocks={article.blocks}
        language={article.language}
        initialClaims={claims.claims}
        claimsCursor={claims.nextCursor}
        claimCounts={claimCounts}
        initialFilter={initialFilter}
        members={members.filter((m) => !m.disabled).map((m) => ({ id: m.userId, name: m.name }))}
        me={{ id: user.id, canEdit: WRITE_ROLES.includes(article.myRole), canSignOff: SIGN_OFF_ROLES.includes(article.myRole) }}
        header={
          <>
            <ArticleHeader article={article} />
            <ArticleTags articleId={article.id} tags={article.tags} canEdit={WRITE_ROLES.includes(article.myRole)} />
            <VersionBar
              articleId={article.id}
              version={article.version}
              canEditText={SIGN_OFF_ROLES.includes(article.myRole)}
              saved={saved}
            />
            {SIGN_OFF_ROLES.includes(article.myRole) && (
              <ArticleDetailsForm
                articleId={article.id}
                details={{
                  title: article.title,
                  standfirst: article.standfirst,
                  byline: article.byline,
                  sourceUrl: article.sourceUrl,
                  publishedAt: article.publishedAt,
                  language: article.language,
                }}
              />
            )}
            {SIGN_OFF_ROLES.includes(article.myRole) && (
              <DoubleReviewToggle articleId={article.id} required={article.requiresDoubleReview} />
            )}
            <ArticlePublishTools articleId={article.id} userId={user.id} role={article.myRole} />
          </>
        }
        liveAfter={liveAfter}
        initialOpenId={openClaimId}
        initialDetail={openClaim?.articleId === article.id ? openClaim : null}
        initialActivity={activity}
        initialSuggestions={packSuggestions(suggestions, article.body)}
        version={article.version}
      />
    </RatingScaleProvider>
  );
}
