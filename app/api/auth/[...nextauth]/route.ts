import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { handleAuthPost } from "@/lib/users/credentials-callback";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

export const GET = handler;

// Sign-ins are read strictly and counted before next-auth runs (lib/users/credentials-callback.ts).
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  return handleAuthPost(request, nextauth, (forwarded) => handler(forwarded, context));
}
