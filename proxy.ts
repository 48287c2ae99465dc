// Next's proxy (formerly middleware): gives every page its own CSP nonce. Next reads the nonce from the
// request's Content-Security-Policy header and puts it on the inline and framework scripts it renders;
// the same policy goes out with the answer, replacing the non-page policy server.ts set. Every page is
// rendered per request (the root layout reads the session), so every page gets a fresh nonce.
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageCsp } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const csp = pageCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API answers and static files keep the strict non-page policy from server.ts.
  matcher: [
    {
      source: "/((?!api/|_next/static/|_next/image/|icon.svg$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
