import type { Metadata } from "next";
import { DeadLink, PublicPage } from "@/components/onboarding/PublicPage";
import { PublicForm, type PublicField } from "@/components/onboarding/PublicForm";
import { INVITATION_REFUSED, readInvitation } from "@/lib/onboarding/invitations";

export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string }> };

/** An invitation link: a name and a password (a new one, or the existing account's), then join the team. */
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
  // One form for an address with an account and one without: the page must not tell whoever holds the link (the
  // admin who sent it does) which it is. The password field's autocomplete is "new-password", as most invitations go
  // to people new to Factdesk; someone who has an account types its password or picks it from their manager.
  const fields: PublicField[] = [
    { name: "email", label: "Email", type: "email", fixed: invitation.email },
    { name: "name", label: "Your name", autoComplete: "name", hint: "For a new account. An account you already have keeps its name." },
    {
      name: "password",
      label: "Password",
      type: "password",
      autoComplete: "new-password",
      hint: "New to Factdesk: choose one of at least 12 characters. Already use it with this address: that account's password.",
    },
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
