"use client";

import { useEffect, useState } from "react";
import type { MemberChoiceDTO, MemberSearchPage } from "@/lib/teams/member-search";
import { readApi } from "@/components/ui/read-api";

type State = {
  members: MemberChoiceDTO[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** The (trimmed) query `members` answer, or null before the first answer. */
  resultsFor: string | null;
};

const url = (q: string, writersOnly: boolean, cursor: string | null) => {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (writersOnly) params.set("writers", "1");
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/team/members/search?${params}`;
};

/**
 * Members of the active team matching `query` (name or email), a page at a time from
 * GET /api/v1/team/members/search, re-asked 150 ms after the last keystroke while `enabled`. `loadMore` appends
 * the next page. Answers that arrive after a newer query are dropped. `members` may still be the answer to an
 * earlier query for up to 150 ms plus the request: `ready` is true only once they answer `query` (a pick made from
 * them before that would pick from the wrong list).
 */
export function useMemberSearch(query: string, { enabled, writersOnly = false }: { enabled: boolean; writersOnly?: boolean }) {
  const [state, setState] = useState<State>({ members: [], nextCursor: null, loading: false, error: null, resultsFor: null });
  const q = query.trim();
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = window.setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      readApi(url(q, writersOnly, null), (d: MemberSearchPage) => d)
        .then((result) => {
          if (!current) return;
          setState(
            result.ok
              ? { members: result.data.members, nextCursor: result.data.nextCursor, loading: false, error: null, resultsFor: q }
              : { members: [], nextCursor: null, loading: false, error: result.error.message, resultsFor: q },
          );
        })
        .catch(
          () => current && setState({ members: [], nextCursor: null, loading: false, error: "Could not reach Factdesk.", resultsFor: q }),
        );
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [q, writersOnly, enabled]);

  async function loadMore() {
    if (!state.nextCursor || state.loading) return;
    setState((s) => ({ ...s, loading: true }));
    const result = await readApi(url(q, writersOnly, state.nextCursor), (d: MemberSearchPage) => d).catch(() => null);
    setState((s) =>
      result?.ok
        ? { ...s, members: [...s.members, ...result.data.members], nextCursor: result.data.nextCursor, loading: false, error: null }
        : { ...s, loading: false, error: "Could not load more people." },
    );
  }

  return { ...state, ready: enabled && state.resultsFor === q, loadMore };
}
