import type { Metadata } from "next";
import { DeadLink, PublicPage } from "@/components/onboarding/PublicPage";
import { PublicForm, type PublicField } from "@/components/onboarding/PublicForm";
import { INVITATION_REFUSED, readInvitation } from "@/lib/onboarding/invitations";

export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string }> };

/** An invitation link: set a password (or give the existing account's) and join the team. */
export default async function JoinPage({ searchParams }: Props) {
  const { token = "" } = await searchParams;
  const invitation = await readInvitation(token);
  if (!invitation) {
    return (
      <PublicPage title="Join your team">
        <DeadLink message={INVITATION_REFUSED} />
      </PublicPage>
    );
  }
  const fields: PublicField[] = invitation.hasAccount
    ? [
        { name: "email", label: "Email", type: "email", fixed: invitation.email },
        { name: "password", label: "Your current password", type: "password", autoComplete: "current-password" },
      ]
    : [
        { name: "email", label: "Email", type: "email", fixed: invitation.email },
        { name: "name", label: "Your name", autoComplete: "name" },
        { name: "password", label: "Choose a password", type: "password", autoComplete: "new-password", hint: "At least 12 characters." },
      ];
  return (
    <PublicPage title={`Join ${invitation.teamName}`} intro={`You are invited as ${invitation.role}.`}>
      <PublicForm
        endpoint="/api/invitations/accept"
        extra={{ token }}
        fields={fields}
        submitLabel={`Join ${invitation.teamName}`}
        pendingLabel="Joining…"
        signInTo="/articles"
        done={
          <p>
            You are in {invitation.teamName}.{" "}
            <a className="font-medium text-accent underline" href="/signin">
              Sign in
            </a>{" "}
            to start.
          </p>
        }
      />
    </PublicPage>
  );
}
