import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      teamId: string | null;
      teamName: string | null;
      role: Role | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    checkedAt?: number;
    teamId?: string | null;
    teamName?: string | null;
    role?: Role | null;
  }
}
