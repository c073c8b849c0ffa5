import type { Metadata } from "next";
import { DeadLink, PublicPage } from "@/components/onboarding/PublicPage";
import { PublicForm } from "@/components/onboarding/PublicForm";
import { setupLinkIsLive, SETUP_LINK_REFUSED } from "@/lib/onboarding/setup-link";

export const metadata: Metadata = { title: "Set up Factdesk", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string }> };

/** The one-time setup link `npm start` prints: the newsroom's first admin and first team. */
export default async function SetupPage({ searchParams }: Props) {
  const { token = "" } = await searchParams;
  const live = await setupLinkIsLive(token);
  return (
    <PublicPage title="Set up your newsroom" intro="Create the first admin account and your desk's first team.">
      {live ? (
        <PublicForm
          endpoint="/api/setup"
          extra={{ token }}
          fields={[
            { name: "teamName", label: "Team name", hint: "Your desk, as your colleagues call it: “Metro desk”." },
            { name: "name", label: "Your name", autoComplete: "name" },
            { name: "email", label: "Your email", type: "email", autoComplete: "username" },
            { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: "At least 12 characters." },
          ]}
          submitLabel="Create admin and team"
          pendingLabel="Creating…"
          signInTo="/team"
          done={
            <p>
              Your newsroom is set up and this link is used up.{" "}
              <a className="font-medium text-accent underline" href="/signin">
                Sign in
              </a>{" "}
              and invite your colleagues from the Team page.
            </p>
          }
        />
      ) : (
        <DeadLink message={SETUP_LINK_REFUSED} />
      )}
    </PublicPage>
  );
}
