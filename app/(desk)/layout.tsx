import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth";
import { TopBar } from "@/components/layout/TopBar";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <TopBar user={{ name: user.name, email: user.email, teamName: user.teamName, role: user.role }} />
      <main className="mx-auto max-w-[1400px] px-6 py-8">{children}</main>
    </>
  );
}
