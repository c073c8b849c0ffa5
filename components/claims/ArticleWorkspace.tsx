"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { selectionRange } from "@/lib/anchoring/selectors";
import { isBlank } from "@/lib/anchoring/whitespace";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { createClaimAction } from "@/lib/actions/claims";
import { readApi } from "@/components/ui/read-api";
import { readAllPages } from "@/components/ui/read-pages";
import { unpackSuggestions, type PackedSuggestions } from "@/lib/claims/suggestion-pack";
import type { StatusCounts } from "@/lib/claims/verdicts";
import { useSuggestions } from "@/components/claims/useSuggestions";
import type { SuggestionDTO } from "@/lib/claims/suggested";
import { SuggestionCard } from "@/components/claims/SuggestionCard";
import { CheckedBeforeSuggestions } from "@/components/claims/CheckedBeforeSuggestions";
import { ClaimList } from "@/components/claims/ClaimList";
import { claimBeside, claimListSections } from "@/components/claims/claim-order";
import { inSight, revealInScrollParent } from "@/components/claims/scroll-parent";
import { filterClaims, writeClaimFilter, type ClaimFilter } from "@/lib/claims/claim-filter";
import { byTagName } from "@/lib/tags/tag-rules";
import { useRatingScale } from "@/components/claims/RatingScale";
import { ClaimPanel, type OnClaimChanged, type PanelRefs } from "@/components/claims/ClaimPanel";
import { ClaimPreview } from "@/components/claims/ClaimPreview";
import { HighlightedBody } from "@/components/claims/HighlightedBody";
import { pageAt, type ArticleBlocks } from "@/lib/articles/blocks";
import { OverlapMenu } from "@/components/claims/OverlapMenu";
import { countByStatus } from "@/components/claims/progress";
import { newClaimInput, selectOffsets, selectionOffsets, selectionRect } from "@/components/claims/selection";
import { ShortcutsDialog } from "@/components/claims/ShortcutsDialog";
import { useAction, whenActionsSettle } from "@/components/claims/useAction";
import type { ClaimView } from "@/lib/claims/claim-view";
import { withClaim, withoutCovered } from "@/components/claims/claim-updates";
import { leaveField, useShortcuts } from "@/components/claims/useShortcuts";
import { usePanelKeys } from "@/components/claims/usePanelKeys";
import { useCaretMode } from "@/components/claims/useCaretMode";
import { ActivityFeed } from "@/components/claims/ActivityFeed";
import { ArticleToolbar, SidebarTabs } from "@/components/claims/WorkspaceChrome";
import { languageName, suggestionsAvailable } from "@/lib/text/language-names";
import { useLiveArticle } from "@/components/claims/useLiveArticle";
import { createReadTurns } from "@/components/claims/read-turns";
import type { ActivityDTO } from "@/lib/audit/list-activity";
import { FormError } from "@/components/ui/FormError";
import { buttonClass } from "@/components/ui/styles";
import { useRouter } from "next/navigation";
import { useReportFiguresSignal } from "@/components/claims/useReportFiguresSignal";
import { field } from "@/components/claims/ClaimHistory";
import { selectedRange, textSelectionIn } from "@/components/claims/anchor-preview";
import { useSubmissionKey } from "@/components/ui/useSubmissionKey";
import { inertOutside } from "@/components/ui/inert-outside";
import { useDrawerCoversPage } from "@/components/claims/useDrawerCoversPage";
import { isPendingClaim, pendingClaim } from "@/components/claims/pending-claim";

const NO_SUGGESTIONS: SuggestionDTO[] = [];

const claimUrl = (id: string) => `/api/v1/claims/${encodeURIComponent(id)}`;
const byTextOrder = (a: ClaimSummary, b: ClaimSummary) => a.start - b.start || b.end - a.end;
const RETRIES_OF_THE_REST = 5;
// While "checked before" answers are pending and the live stream is down (it announces answers otherwise): read the
// suggestions again this often, at most this many times in a row.
const CHECKED_BEFORE_FALLBACK_EVERY_MS = 15_000;
const CHECKED_BEFORE_FALLBACK_READS = 40;
// Claims and suggestions the page asks the API for at once, after the first screen (the routes' largest pages).
const readClaimSummaries = (articleUrl: string, cursor: string | null = null) =>
  readAllPages(
    `${articleUrl}/claims?view=summary`,
    (d: { claims: ClaimSummary[]; nextCursor: string | null }) => ({ items: d.claims, nextCursor: d.nextCursor }),
    {
      limit: 2000,
      cursor,
    },
  );
const readSuggestions = (articleUrl: string) =>
  readAllPages(
    `${articleUrl}/suggestions`,
    (d: { suggestions: SuggestionDTO[]; nextCursor: string | null }) => ({ items: d.suggestions, nextCursor: d.nextCursor }),
    {
      limit: 1000,
    },
  );
const readClaim = (id: string) => readApi(claimUrl(id), (d: { claim: ClaimDetailDTO }) => d.claim);
const readCheckedBefore = (id: string) =>
  readApi(`${claimUrl(id)}/checked-before`, (d: { checkedBefore: ClaimDetailDTO["checkedBefore"] }) => d.checkedBefore);

type Props = {
  articleId: string;
  body: string;
  /** Headings, lists, quotes and links of the body (null: plain paragraphs). */
  blocks?: ArticleBlocks | null;
  /** The first claims in text order (the first screen's); `claimsCursor` continues after them (null: that is all). */
  initialClaims: ClaimSummary[];
  claimsCursor: string | null;
  /** How many claims the article has, in all and by status, until every claim is loaded. */
  claimCounts: { total: number; byStatus: StatusCounts };
  me: { id: string; canEdit: boolean; canSignOff: boolean };
  /** The team's active members, for the claim list's assignee filter. */
  members: { id: string; name: string }[];
  /** The claim list's filter the page's URL holds (lib/claims/claim-filter.ts readClaimFilter). */
  initialFilter: ClaimFilter;
  /** A claim to open on arrival (links from My queue). */
  initialOpenId: string | null;
  /** That claim's panel data when the server read it with the page: the panel shows at once, with no preview first. */
  initialDetail?: ClaimDetailDTO | null;
  header: React.ReactNode;
  liveAfter: string;
  initialActivity: ActivityDTO[];
  /** The open suggestions in the compact form (lib/claims/suggestion-pack.ts). */
  initialSuggestions: PackedSuggestions;
  /** Number of the article version `body` is; a newer one saved elsewhere reloads the page. */
  version: number;
  /** BCP 47 tag of the article's language (null: unknown): the body's lang, and whether suggestions work. */
  language?: string | null;
};

export function ArticleWorkspace({
  articleId,
  body,
  blocks = null,
  language = null,
  initialClaims,
  claimsCursor,
  claimCounts,
  initialFilter,
  me,
  members,
  initialOpenId,
  initialDetail = null,
  header,
  liveAfter,
  initialActivity,
  initialSuggestions,
  version,
}: Props) {
  const [claims, setClaims] = useState(initialClaims);
  // Claims after the first screen's arrive in one go once the page answers; until then the server's counts stand in.
  const [complete, setComplete] = useState(claimsCursor === null);
  const [filter, setFilterState] = useState<ClaimFilter>(initialFilter);
  // The filter lives in the URL (?status=…&tag=…) so a view of the claim list can be shared; replaceState keeps
  // Next's router in step without a server round trip.
  const setFilter = useCallback((next: ClaimFilter) => {
    setFilterState(next);
    const query = writeClaimFilter(next, window.location.search);
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`);
  }, []);
  const [cursorId, setCursorId] = useState<string | null>(initialDetail?.id ?? null);
  const [detail, setDetailState] = useState<ClaimDetailDTO | null>(initialDetail);
  // Which claim the reader has open right now. Loads finish out of order (a live refresh
  // can land after the reader opened another claim), so a result only applies if its
  // claim is still the open one.
  const openId = useRef<string | null>(initialDetail?.id ?? null);
  // The claim being opened while its panel loads: drawn at once from its list entry (ClaimPreview).
  const [opening, setOpening] = useState<string | null>(null);
  // The claim being added while the server stores it: drawn at once (its highlight and ClaimPreview, "Saving…").
  // Its answer opens the new claim only while this is still it (not closed with Esc, no other claim opened since).
  const [adding, setAddingState] = useState<ClaimSummary | null>(null);
  const addingId = useRef<string | null>(null);
  // Every claim added and not yet stored or refused, drawn in the text until its answer (several when the reader adds
  // the next before the first is stored); `adding` is the one whose preview shows, if any.
  const [saving, setSaving] = useState<ClaimSummary[]>([]);
  // The same, by drawn id, with how many adds of its words are on their way (the same words added again while they
  // save go with the same key, so the same drawn claim: the last answer decides what happens to it) and whether an
  // earlier one was refused or lost (its message goes if a later one stores the claim).
  const onTheirWay = useRef(new Map<string, { claim: ClaimSummary; adds: number; lost: boolean }>());
  const setAdding = useCallback((next: ClaimSummary | null) => {
    addingId.current = next?.id ?? null;
    setAddingState(next);
  }, []);
  const setDetail = useCallback(
    (next: ClaimDetailDTO | null) => {
      openId.current = next?.id ?? null;
      setOpening(null);
      setAdding(null);
      setDetailState(next);
    },
    [setAdding],
  );
  const applyLoaded = useCallback((loaded: ClaimDetailDTO) => {
    if (openId.current !== loaded.id) return;
    setOpening(null);
    setDetailState(loaded);
  }, []);
  const [selection, setSelection] = useState<{ start: number; end: number; x: number; y: number } | null>(null);
  const [overlap, setOverlap] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusHighlight = useRef<((id: string) => boolean) | null>(null);
  // The claim whose panel the reader just closed: focus goes back to it in the text.
  const returnTo = useRef<string | null>(null);
  const [said, setSaid] = useState("");
  const caret = useCaretMode(bodyRef, setSaid);
  const refs: PanelRefs = { status: useRef(null), verdict: useRef(null), comment: useRef(null), evidence: useRef(null) };
  const { run, error, pending, clearError } = useAction();
  const claimKey = useSubmissionKey();
  const articleUrl = `/api/v1/articles/${encodeURIComponent(articleId)}`;

  // Marks the moment the page can respond to the reader (used by bench/highlights.ts).
  useEffect(() => {
    performance.mark("factdesk:interactive");
  }, []);

  const ratingScale = useRatingScale();
  const visible = useMemo(() => filterClaims(claims, filter, me.id, ratingScale), [claims, filter, me.id, ratingScale]);
  // The claim list's rows top to bottom (its detached groups first): the order j/k walk.
  const inListOrder = useMemo(() => claimListSections(visible).inListOrder, [visible]);
  const claimTags = useMemo(() => {
    const byId = new Map(claims.flatMap((c) => c.tags).map((t) => [t.id, t]));
    return [...byId.values()].sort(byTagName);
  }, [claims]);
  // Claims waiting for re-anchoring (or orphaned) hold old text: listed, never highlighted.
  const attached = useMemo(() => claims.filter((c) => c.anchorStatus === "attached"), [claims]);
  // The highlights: the attached claims, and those being added while the server stores them.
  const drawnClaims = useMemo(() => (saving.length > 0 ? [...attached, ...saving].sort(byTextOrder) : attached), [attached, saving]);
  const router = useRouter();
  const counts = useMemo(() => (complete ? countByStatus(claims) : claimCounts.byStatus), [complete, claims, claimCounts]);
  // Shown while the claim being opened loads (not when the list does not hold it: then the page waits, as before).
  const previewing = useMemo(() => (opening === null ? null : (claims.find((c) => c.id === opening) ?? null)), [opening, claims]);
  const total = complete ? claims.length : Math.max(claimCounts.total, claims.length);
  // Stable props for the (memoised) claim list, so renders of the workspace that change nothing it shows skip it.
  const memberNames = useMemo(() => members.map((m) => ({ id: m.id, name: m.name })), [members]);
  const pageOf = useMemo(() => (blocks?.pages ? (offset: number) => pageAt(blocks, offset) : undefined), [blocks]);

  // A claim asked for before its highlight is loaded (a ?claim= link to a late claim): scrolled to once it is.
  const pendingScroll = useRef<string | null>(null);
  const scrollToClaim = useCallback((id: string, behavior: ScrollBehavior = "smooth") => {
    // The first segment carrying the id in document order is where the claim starts.
    const mark = bodyRef.current?.querySelector(`[data-ids~="${id}"]`);
    pendingScroll.current = mark ? null : id;
    // Only when the reader cannot see it: j through claims close together leaves the text still, as reading does.
    if (mark && !inSight(mark.getBoundingClientRect())) mark.scrollIntoView({ block: "center", behavior });
  }, []);

  useEffect(() => {
    if (claimsCursor === null) return;
    let stopped = false;
    // The claims after the first screen. A failed read (an error answer or no network) is tried again after 1, 2, 4,
    // 8 and 16 s, so one lost request never leaves the list, the highlights and the counts short for good.
    const load = async (attempt: number): Promise<void> => {
      const rest = await readClaimSummaries(articleUrl, claimsCursor).catch(() => null);
      if (stopped) return;
      if (!rest?.ok) {
        if (attempt < RETRIES_OF_THE_REST) setTimeout(() => void load(attempt + 1), 1000 * 2 ** attempt);
        return;
      }
      // Claims made or reloaded meanwhile are already in the list; each claim once, in text order.
      setClaims((current) => {
        const known = new Set(current.map((c) => c.id));
        return [...current, ...rest.data.filter((c) => !known.has(c.id))].sort(byTextOrder);
      });
      setComplete(true);
    };
    void load(0);
    return () => {
      stopped = true;
    };
    // Once, on arrival: later lists come whole from refresh().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const id = pendingScroll.current;
    // At once: a smooth scroll this long, begun while the page is still busy drawing the rest, can stop short.
    if (id && attached.some((c) => c.id === id)) scrollToClaim(id, "instant");
  }, [attached, scrollToClaim]);

  // Reads whose answers replace the open claim's panel take turns: only the newest one's answer is applied.
  const [panelReads] = useState(createReadTurns);
  const openClaim = useCallback(
    async (id: string, scroll = true) => {
      // A claim being added (its drawn highlight clicked): its id is no stored claim's, so there is nothing to read;
      // its preview shows, and its panel follows the answer.
      if (isPendingClaim(id)) {
        const drawn = onTheirWay.current.get(id)?.claim;
        if (drawn) {
          setOverlap(null);
          setDetail(null);
          setAdding(drawn);
        }
        return;
      }
      setOverlap(null);
      setAdding(null);
      setCursorId(id);
      openId.current = id;
      setOpening(id);
      if (scroll) scrollToClaim(id);
      const turn = panelReads.start();
      const loaded = await run(() => readClaim(id));
      // An answer to an older read (the claim opened again, a refresh, an action answered meanwhile) holds older state.
      if (loaded) {
        if (panelReads.readAfterAnswers(turn)) applyLoaded(loaded);
      }
      // Not readable (an error shows): the preview goes, as the panel never came.
      else if (openId.current === id) setOpening(null);
    },
    [run, scrollToClaim, applyLoaded, panelReads, setAdding, setDetail],
  );

  // How many actions' answers the page has applied (applyView). A read begun before one of them may hold the state
  // before it: refresh reads again instead of putting that state back.
  const answersApplied = useRef(0);
  const refresh = useCallback(
    async (options?: { reloadOnly?: boolean }) => {
      const readAll = () => {
        const current = openId.current;
        const turn = current ? panelReads.start() : 0;
        return Promise.all([
          run(() => readClaimSummaries(articleUrl)),
          current ? run(() => readClaim(current)) : Promise.resolve(null),
          run(() => readSuggestions(articleUrl)),
          turn,
        ]);
      };
      let answersBefore = answersApplied.current;
      let [list, open, suggested, openTurn] = await readAll();
      // An answer applied while these were on their way may be newer than they are (an Undo answered before a
      // reload that the server read just before the Undo's write): the removed source came back as removed.
      while (answersApplied.current !== answersBefore) {
        answersBefore = answersApplied.current;
        [list, open, suggested, openTurn] = await readAll();
      }
      if (list) {
        setClaims(list);
        setComplete(true);
      }
      // `suggestions` is declared below (its hook takes `refresh`); `setList` is a state setter, so the first render's is the one.
      if (suggested) suggestions.setList(suggested);
      // The claim opened again (or another read of it) since: that newer answer stands.
      if (open && panelReads.readAfterAnswers(openTurn)) applyLoaded(open);
      if (options?.reloadOnly) return list !== null;
      showSaved();
      return list !== null;
    },
    // `suggestions` is a new object every render; only its state setter, which never changes, is used.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [articleUrl, run, applyLoaded, panelReads],
  );

  const savedTimer = useRef<number | undefined>(undefined);
  function showSaved() {
    setSaved("Saved");
    window.clearTimeout(savedTimer.current);
    savedTimer.current = window.setTimeout(() => setSaved(null), 2000);
  }

  // Audit events this page shows already, from its own actions' answers (each answer carries the claim's
  // history), and suggestions it dismissed: their live events need no reload.
  const applied = useRef(new Set<string>());
  const dismissedHere = useRef(new Set<string>());

  /** An action's answer: the claim into the list and the highlights, and into its panel when open; no reads. */
  function applyView(view: ClaimView) {
    answersApplied.current++;
    for (const event of view.claim.events) applied.current.add(event.id);
    setClaims((current) => withClaim(current, view.summary));
    if (openId.current !== view.claim.id) return;
    // Newer than any read of the panel begun before it: their answers are not applied over it.
    panelReads.start();
    setDetailState((shown) =>
      view.checkedBefore === "unchanged" && shown?.id === view.claim.id
        ? { ...view.claim, checkedBefore: shown.checkedBefore }
        : view.claim,
    );
  }

  const onPanelChanged: OnClaimChanged = (change) => {
    if (!change) return void refresh();
    if ("reloadOnly" in change) return void refresh({ reloadOnly: true });
    applyView(change);
    showSaved();
  };

  const closePanel = useCallback(() => {
    returnTo.current = openId.current;
    setDetail(null);
  }, [setDetail]);

  useEffect(() => {
    const id = returnTo.current;
    if (detail || opening || !id) return;
    returnTo.current = null;
    // The list shows again with the closed claim's row in view (its box only: the page stays at the highlight).
    const row = document.querySelector<HTMLElement>(`[data-claim-id="${id}"]`);
    if (row) revealInScrollParent(row);
    if (!focusHighlight.current?.(id)) row?.focus();
  }, [detail, opening]);

  useEffect(() => {
    // At once, not smoothly: the panel taking focus as it opens would stop a smooth scroll short of the claim.
    // Read with the page: its panel is already open, so only the text scrolls to it.
    if (initialDetail) scrollToClaim(initialDetail.id, "instant");
    else if (initialOpenId) void openClaim(initialOpenId, false).then(() => scrollToClaim(initialOpenId, "instant"));
    // Only on arrival: later changes of the URL are the reader's own navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** A claim the reader just made (from a selection or a suggestion): into the list in text order, and open, from the answer. */
  function showNewClaim(created: ClaimView) {
    setOverlap(null);
    setCursorId(created.claim.id);
    setDetail(created.claim);
    applyView(created);
    // The suggestions it covers now go, as the server leaves them out of its list (lib/claims/suggested.ts).
    suggestions.setList((list) => withoutCovered(list, created.summary));
    if (created.checkedBefore === "later") void showCheckedBefore(created.claim.id);
  }

  /**
   * Earlier verdicts on claims like a new one, read after its panel shows (the add's answer leaves them out, issue #21):
   * into the panel if it still shows that claim. Not readable: the panel shows none, as for a claim without any.
   */
  async function showCheckedBefore(id: string) {
    const read = await readCheckedBefore(id).catch(() => null);
    if (!read?.ok || read.data.length === 0) return;
    const matches = read.data;
    setDetailState((shown) => (shown?.id === id ? { ...shown, checkedBefore: matches } : shown));
  }

  const suggestions = useSuggestions({
    initial: () => unpackSuggestions(initialSuggestions, body),
    canEdit: me.canEdit,
    run,
    onAccepted: showNewClaim,
    onStale: () => void refresh({ reloadOnly: true }),
    onDismissed: (id) => dismissedHere.current.add(id),
  });

  // "Checked before" answers change in the background: a job looks up the pending ones (checkedBeforePending), and
  // verdicts anywhere in the team change others (lib/claims/checked-before-stored.ts). The server announces it on the
  // live stream, whichever instance wrote it; the page then reads the suggestions again. One read at a time, and one
  // more if told again meanwhile.
  const suggestionsRead = useRef({ running: false, again: false });
  function rereadSuggestions() {
    const state = suggestionsRead.current;
    if (state.running) return void (state.again = true);
    state.running = true;
    void readSuggestions(articleUrl)
      .then((result) => result.ok && suggestions.setList(result.data))
      .catch(() => {})
      .finally(() => {
        state.running = false;
        if (!state.again) return;
        state.again = false;
        rereadSuggestions();
      });
  }
  const checkingEarlierVerdicts = suggestions.list.some((s) => s.checkedBeforePending);

  const live = useLiveArticle({
    articleId,
    liveAfter,
    initialActivity,
    meId: me.id,
    bodyRef,
    reload: () => refresh({ reloadOnly: true }),
    isApplied: (event) =>
      applied.current.has(event.id) || (event.action === "suggestion.dismissed" && dismissedHere.current.has(event.entityId)),
    settled: whenActionsSettle,
    onSuggestions: rereadSuggestions,
  });

  // The publishing strip reads its figures again when what it counts changes, here or by a colleague (ux30, keys33).
  useReportFiguresSignal({ claims, detail, activity: live.activity });

  // Answers found while the stream was not listening were announced to no one: read once each time it is live again.
  useEffect(() => {
    if (live.status === "live" && checkingEarlierVerdicts) rereadSuggestions();
    // Only when the stream comes up, not each time the list changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live.status]);
  // The stream down, nothing announces the answers: read again now and then until they are known.
  useEffect(() => {
    if (!checkingEarlierVerdicts || live.status === "live") return;
    let reads = 0;
    const timer = window.setInterval(() => {
      if (++reads > CHECKED_BEFORE_FALLBACK_READS) window.clearInterval(timer);
      else rereadSuggestions();
    }, CHECKED_BEFORE_FALLBACK_EVERY_MS);
    return () => window.clearInterval(timer);
    // rereadSuggestions only reads refs, state setters and articleUrl (fixed for this page).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkingEarlierVerdicts, live.status]);

  // A colleague saved a new version of the text: fetch it (the claims reload with it).
  useEffect(() => {
    const newer = live.activity.some((e) => e.action === "article.version_saved" && Number(field(e.after, "version")) > version);
    if (newer) router.refresh();
  }, [live.activity, version, router]);

  function rememberSelection() {
    const root = bodyRef.current;
    const offsets = root ? selectionOffsets(root) : null;
    const rect = offsets ? selectionRect() : null;
    // Page coordinates, so the button stays beside the words when the reader scrolls.
    setSelection(offsets && rect ? { ...offsets, x: rect.right + window.scrollX, y: rect.bottom + window.scrollY } : null);
  }

  async function addClaim() {
    const root = bodyRef.current;
    const offsets = (root && selectionOffsets(root)) ?? selection;
    if (!offsets || !me.canEdit) return;
    // The server applies the same rules (trimmed, whole graphemes) to whatever it is sent.
    const selected = selectionRange(body, offsets.start, offsets.end);
    if (!selected.ok) {
      if (!isBlank(body.slice(offsets.start, offsets.end)))
        await run(() => Promise.resolve({ ok: false as const, error: { code: "unprocessable" as const, message: selected.reason } }));
      return;
    }
    const input = newClaimInput(articleId, body, selected.range);
    // The same key for a retry of this selection, so a lost answer never makes two claims.
    const idempotencyKey = claimKey.keyFor(input);
    const drawn = pendingClaim(idempotencyKey, body, selected.range);
    setOverlap(null);
    setAdding(drawn);
    // The same words again while they save: the same idempotency key, so the same drawn claim (drawn once).
    setSaving((list) => (list.some((c) => c.id === drawn.id) ? list : [...list, drawn]));
    const way = onTheirWay.current.get(drawn.id) ?? { claim: drawn, adds: 0, lost: false };
    way.adds++;
    onTheirWay.current.set(drawn.id, way);
    const created = await run(() => createClaimAction(input, { idempotencyKey }));
    way.adds--;
    // Refused or lost while the same words are on their way again: that later answer decides (it stays drawn).
    if (!created && way.adds > 0) return void (way.lost = true);
    if (way.adds === 0) onTheirWay.current.delete(drawn.id);
    const stillShown = addingId.current === drawn.id;
    // Stored (it joins the list and the text below, in the same render) or refused: no longer drawn as saving.
    setSaving((list) => list.filter((c) => c.id !== drawn.id));
    // An earlier add of these words was lost: its "Could not reach Factdesk" is not true of them any more.
    if (created && way.lost) clearError();
    way.lost = false;
    if (!created) {
      // Refused (the reason shows) or lost: the drawn claim goes, and the words are selected again as the reader
      // had them (drawing its highlight remade the text under the selection), to try again.
      if (!stillShown) return;
      flushSync(() => setAdding(null));
      if (root && window.getSelection()?.isCollapsed !== false) selectOffsets(root, offsets.start, offsets.end);
      return;
    }
    claimKey.done(input);
    // The added words' selection goes; words the reader selected meanwhile (the next claim) stay, ready to add.
    const now = root && selectionOffsets(root);
    if (!now || (now.start === offsets.start && now.end === offsets.end)) {
      caret.exit();
      window.getSelection()?.removeAllRanges();
      setSelection(null);
    }
    // Closed meanwhile, or another claim opened: the new claim joins the list and the text without opening.
    if (stillShown) showNewClaim(created);
    else applyView(created);
  }

  function move(step: 1 | -1) {
    // The next or previous row of the list as it shows (going round at the ends); with no claim selected (or it is
    // filtered out), j starts at the first row and k at the last.
    const next = claimBeside(inListOrder, cursorId, step);
    if (!next) return;
    // Rendered at once: the list shows rows up to the cursor, and k from the first claim goes round to the last,
    // whose row exists only after this render.
    flushSync(() => setCursorId(next.id));
    // With a claim open (or opening, or being added) the list is hidden behind its panel: j/k open the next or
    // previous claim instead (a claim being added then joins the list unopened when stored).
    if (detail || previewing || adding) return void openClaim(next.id);
    scrollToClaim(next.id);
    document.querySelector<HTMLElement>(`[data-claim-id="${next.id}"]`)?.focus();
  }

  // s, v, c and e pressed while the claim's panel loads (its preview shows) wait for it, with what is typed after them.
  const whenPanel = usePanelKeys({
    loading: opening !== null || adding !== null,
    ready: detail !== null && opening === null && adding === null,
    panelId: detail?.id ?? null,
  });

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => cursorId && openClaim(cursorId),
    a: () => void (suggestions.open ? suggestions.accept() : addClaim()),
    x: () => void suggestions.dismiss(),
    m: () => caret.enter(),
    s: () => whenPanel(() => refs.status.current?.querySelector<HTMLElement>("[aria-checked=true]")?.focus()),
    v: () => whenPanel(() => refs.verdict.current?.focus()),
    c: () => whenPanel(() => refs.comment.current?.focus()),
    e: () =>
      whenPanel(() => {
        if (refs.evidence.current) refs.evidence.current.focus();
        else document.querySelector<HTMLButtonElement>("[data-action=add-evidence]")?.click();
      }),
    "?": () => setHelpOpen(true),
    // One layer per Esc, innermost first (keys33): dialogs and menus close themselves (useShortcuts leaves their keys
    // alone); a field is left (what was typed stays, in the panel or anywhere else); then the suggestion or the claim.
    // The shortcuts dialog is modal: while it is open no key reaches here, and after its own Escape closed it, the
    // helpOpen of this render may still be true (its close event not yet rendered): never let it swallow the next Esc.
    Escape: (event) => {
      if (overlap) return setOverlap(null);
      if (leaveField(event.target)) return;
      if (suggestions.open) return suggestions.close();
      closePanel();
    },
  });

  // The empty claim list offers the first suggestion in the text (a keyboard way in: the underlines are not tab
  // stops). Kept stable for the memoised list; the latest list is read through a ref set after render.
  const openFirstSuggestionNow = useRef<() => void>(() => {});
  useEffect(() => {
    openFirstSuggestionNow.current = () => {
      const first = suggestions.list.reduce<SuggestionDTO | null>((a, b) => (a === null || b.start < a.start ? b : a), null);
      if (!first) return;
      setDetail(null);
      suggestions.openById(first.id);
      bodyRef.current
        ?.querySelector(`[data-suggestion="${CSS.escape(first.id)}"]`)
        ?.scrollIntoView({ block: "center", behavior: "smooth" });
    };
  });
  const openFirstSuggestion = useCallback(() => openFirstSuggestionNow.current(), []);

  // A claim (or a suggestion) fills the sidebar: the claim list behind it is hidden.
  const sidebarBusy = Boolean(suggestions.open || adding || previewing || detail);
  // On a phone (below 768 px) that fills a drawer over the whole page: what it covers is out of reach, keyboard and
  // screen reader alike, as behind a modal dialog. Closing it (Esc) gives focus back to the highlight (closePanel).
  // Between 768 and 1024 px the article's left part stays in view and usable beside the drawer.
  const drawerCoversPage = useDrawerCoversPage();
  const drawerOpen = sidebarBusy && drawerCoversPage;
  const sidebarRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (drawerOpen && sidebarRef.current) return inertOutside(sidebarRef.current);
  }, [drawerOpen]);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(340px,420px)]">
      <div className="min-w-0">
        <article className="mx-auto max-w-[68ch]" onMouseUp={rememberSelection} onKeyUp={rememberSelection}>
          {header}
          <ArticleToolbar
            counts={counts}
            live={live}
            suggestions={{
              count: suggestions.list.length,
              shown: suggestions.shown,
              onToggle: suggestions.setShown,
              unavailable: language && !suggestionsAvailable(language) ? languageName(language) : null,
            }}
            onHelp={() => setHelpOpen(true)}
            onCaret={caret.enter}
          />
          <div
            ref={bodyRef}
            lang={language ?? undefined}
            tabIndex={-1}
            role="region"
            aria-label={caret.on ? "Article text, text caret on" : "Article text"}
            onKeyDown={caret.onKeyDown}
            onBlur={caret.onBlur}
            data-caret={caret.on ? "" : undefined}
            className="rounded-sm outline-offset-8 data-[caret]:outline-2 data-[caret]:outline-dashed data-[caret]:outline-accent"
          >
            <HighlightedBody
              body={body}
              blocks={blocks}
              claims={drawnClaims}
              activeId={suggestions.open?.id ?? adding?.id ?? previewing?.id ?? detail?.id ?? null}
              suggestions={suggestions.shown ? suggestions.list : NO_SUGGESTIONS}
              onSuggestion={(id) => {
                setDetail(null);
                suggestions.openById(id);
              }}
              onOpen={(id) => {
                suggestions.close();
                void openClaim(id);
              }}
              onChoose={(ids, at) => setOverlap({ ids, at })}
              focusRef={focusHighlight}
            />
          </div>
        </article>
        {/* Gone while the claim it added is drawn and saving; back, with the words, if the server refuses it. */}
        {selection && me.canEdit && !adding && (
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={addClaim}
            disabled={pending}
            className={`${buttonClass} absolute z-30 shadow-lg`}
            style={{ left: Math.min(selection.x, window.scrollX + window.innerWidth - 140), top: selection.y + 8 }}
          >
            + Add claim
          </button>
        )}
        {caret.caret && (
          <span
            aria-hidden
            data-testid="text-caret"
            className="pointer-events-none absolute z-20 w-0.5 animate-pulse bg-ink"
            style={{ left: caret.caret.x, top: caret.caret.y, height: caret.caret.h }}
          />
        )}
        <div role="status" aria-live="polite" className="sr-only" data-testid="announcer">
          {said}
        </div>
        {overlap && (
          <OverlapMenu
            claims={overlap.ids.map((id) => drawnClaims.find((c) => c.id === id)!).filter(Boolean)}
            at={overlap.at}
            onPick={(id) => openClaim(id, false)}
            onClose={() => setOverlap(null)}
          />
        )}
      </div>
      {/* Below 1024 px an open claim is a drawer over the text, so it opens where the reader is, never pages below.
          On phones (< 768 px) the top bar is three rows high, so the drawer takes the whole screen (and the rest is inert, useDrawerCoversPage); it has its own Close. */}
      <aside
        ref={sidebarRef}
        className={`overflow-y-auto rounded-lg border border-rule bg-white lg:sticky lg:top-16 lg:right-auto lg:bottom-auto lg:z-auto lg:h-[calc(100vh-5rem)] lg:w-auto lg:rounded-lg lg:shadow-none ${
          sidebarBusy ? "fixed top-0 right-0 bottom-0 z-30 w-[min(28rem,100vw)] rounded-none shadow-2xl md:top-14" : "max-h-[80vh]"
        }`}
        aria-label="Claims sidebar"
        data-testid="claims-sidebar"
      >
        <div aria-live="polite" className="sr-only">
          {saved}
        </div>
        {saved && (
          <p className="fixed bottom-4 right-4 z-40 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-800 shadow">
            ✓ {saved}
          </p>
        )}
        <FormError message={error} />
        {suggestions.open ? (
          <SuggestionCard
            key={suggestions.open.id}
            suggestion={suggestions.open}
            canEdit={me.canEdit}
            pending={pending}
            onAccept={suggestions.accept}
            onDismiss={suggestions.dismiss}
            onClose={suggestions.close}
          />
        ) : adding ? (
          <ClaimPreview key={adding.id} claim={adding} body={body} onClose={closePanel} saving />
        ) : previewing ? (
          <ClaimPreview key={previewing.id} claim={previewing} body={body} onClose={closePanel} />
        ) : detail ? (
          <ClaimPanel
            key={detail.id}
            claim={detail}
            canEdit={me.canEdit}
            canSignOff={me.canSignOff}
            meId={me.id}
            refs={refs}
            onClose={closePanel}
            onChanged={onPanelChanged}
            onShowInText={() => scrollToClaim(detail.id)}
            body={body}
            readSelection={() =>
              (bodyRef.current ? textSelectionIn(bodyRef.current, body) : null) ??
              (selection && selectedRange(body, selection.start, selection.end))
            }
            bodyRef={bodyRef}
            page={pageAt(blocks, detail.start)}
          />
        ) : null}
        {/* The claim list (or the activity) stays mounted while a claim or suggestion is open, hidden and inert:
            unmounting a list of hundreds of rows on every open and mounting it again on every close was most of
            opening a claim at 1,000 claims (issue #21). content-visibility keeps its layout for when it shows again. */}
        <div
          inert={sidebarBusy}
          aria-hidden={sidebarBusy || undefined}
          className={sidebarBusy ? "[content-visibility:hidden]" : undefined}
          data-testid="claims-sidebar-lists"
        >
          <SidebarTabs
            hidden={sidebarBusy}
            claimsLabel={`Claims (${total})`}
            claims={
              <>
                {suggestions.shown && (
                  <CheckedBeforeSuggestions
                    suggestions={suggestions.list}
                    onOpen={(id) => {
                      setDetail(null);
                      suggestions.openById(id);
                      // Show where it is in the text, as opening a claim from the list does.
                      bodyRef.current
                        ?.querySelector(`[data-suggestion="${CSS.escape(id)}"]`)
                        ?.scrollIntoView({ block: "center", behavior: "smooth" });
                    }}
                  />
                )}
                <ClaimList
                  claims={visible}
                  total={total}
                  loading={total - claims.length}
                  filter={filter}
                  onFilter={setFilter}
                  cursorId={cursorId}
                  onOpen={openClaim}
                  meId={me.id}
                  members={memberNames}
                  tags={claimTags}
                  pageOf={pageOf}
                  hidden={sidebarBusy}
                  suggestionCount={suggestions.shown ? suggestions.list.length : 0}
                  onOpenSuggestion={openFirstSuggestion}
                  canEdit={me.canEdit}
                />
              </>
            }
            activity={<ActivityFeed events={live.activity} onOpen={openClaim} />}
          />
        </div>
      </aside>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
