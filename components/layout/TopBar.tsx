import Link from "next/link";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { TeamSwitcher } from "@/components/layout/TeamSwitcher";
import { NeedsMeCount } from "@/components/layout/NeedsMeCount";
import { NotificationBell } from "@/components/layout/NotificationBell";

type Props = {
  user: { name: string; email: string; teamId: string | null; role: string | null };
  teams: { id: string; name: string; role: string }[];
  /** How many things wait for the user in the active team (Needs me). */
  needsCount: number;
  /** Unread notifications in the active team. */
  unreadCount: number;
};

export function TopBar({ user, teams, needsCount, unreadCount }: Props) {
  return (
    <header className="sticky top-0 z-20 border-b border-rule bg-white">
      {/* Phones: the links move to a second row that scrolls sideways, so the bar never widens the page. */}
      <div className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 md:h-14 md:flex-nowrap md:gap-4 md:px-6 lg:gap-6 md:py-0">
        <Link href="/articles" className="flex items-center gap-2 font-semibold tracking-tight text-ink">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded bg-accent text-sm text-white">
            F
          </span>
          Factdesk
        </Link>
        <TeamSwitcher teams={teams} activeId={user.teamId} />
        <nav
          aria-label="Main"
          className="order-last -mx-1 flex w-full gap-4 overflow-x-auto px-1 text-sm whitespace-nowrap md:order-none md:w-auto md:shrink-0"
        >
          <Link href="/articles" className="text-ink hover:text-accent">
            Articles
          </Link>
          <NeedsMeCount initial={needsCount} />
          <Link href="/stats" className="text-ink hover:text-accent">
            Stats
          </Link>
          <Link href="/team" className="text-ink hover:text-accent">
            Team
          </Link>
          {/* Phones have no room for the search box; its page has the same box. */}
          <Link href="/search" className="text-ink hover:text-accent md:hidden">
            Search
          </Link>
        </nav>
        {/* 768–1023 px: the bar has no room for the box next to the bell; a search icon opens the search page. */}
        <Link
          href="/search"
          aria-label="Search"
          title="Search"
          className="ml-auto hidden h-8 w-8 shrink-0 place-items-center rounded-md text-ink hover:bg-stone-100 hover:text-accent md:grid lg:hidden"
        >
          <svg
            data-ui-icon
            aria-hidden
            viewBox="0 0 24 24"
            className="h-5 w-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          >
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
        </Link>
        {/* The box gives way (down to nothing) before it would slide under the bell and the name. */}
        <form action="/search" method="get" role="search" className="ml-auto hidden min-w-0 shrink lg:block lg:w-28 xl:w-56">
          <label htmlFor="top-search" className="sr-only">
            Search articles, claims, comments and evidence
          </label>
          <input
            id="top-search"
            name="q"
            type="search"
            placeholder="Search…"
            maxLength={200}
            className="w-full rounded-md border border-rule bg-stone-50 px-2.5 py-1 text-sm text-ink placeholder:text-stone-400 focus:border-accent focus:bg-white"
          />
        </form>
        <div className="ml-auto flex items-center gap-3 text-sm whitespace-nowrap md:ml-0 lg:gap-4">
          {user.teamId && <NotificationBell initial={unreadCount} />}
          {/* A long name or address is cut short here (in full on hover and on the account page), never laid over the search box. */}
          <span
            className="hidden max-w-64 min-w-0 text-right leading-tight xl:block"
            data-testid="signed-in-user"
            title={`${user.name} · ${user.email}`}
          >
            <span className="block truncate font-medium">{user.name}</span>
            <span className="block truncate text-xs text-muted">
              {user.role ? `${user.role} · ` : ""}
              {user.email}
            </span>
          </span>
          <Link href="/account" className="text-muted hover:text-accent">
            Account
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
