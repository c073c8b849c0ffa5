import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/users/session-user";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    checkedAt?: number;
    /** The session's secret: its SHA-256 finds the Session row (lib/sessions/sessions.ts). */
    sid?: string;
    sessionId?: string;
    mustEnrolTwoFactor?: boolean;
    teamId?: string | null;
    teamName?: string | null;
    role?: Role | null;
  }
}
