import { NextResponse, type NextRequest } from "next/server";

// Only passes the requested path on to server components, so a page that finds no
// session can send the reader back here after sign-in. Authorization is not done here:
// every page, action and route handler checks the session itself.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-factdesk-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
