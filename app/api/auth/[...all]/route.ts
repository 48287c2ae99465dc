import { NextResponse, type NextRequest } from "next/server";
import { getAuth } from "@/lib/auth/auth";
import { forgive, limits, take } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { errorResponse, ApiError } from "@/lib/http/api-error";
import { isHttps } from "@/lib/http/request-origin";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/auth/* – better-auth (get-session, …)
export async function GET(request: NextRequest) {
  return withSecureCookies(request, await (await getAuth()).handler(request));
}

/**
 * A sign-up for a taken address skips the account inserts a free address pays for; answering no sooner
 * than this after the request arrived hides that difference (both do the same password hashing).
 */
const SIGN_UP_MIN_MS = 400;

// POST /api/auth/* – sign-up/email, sign-in/email, sign-out (better-auth), rate limited per address and email
export async function POST(request: NextRequest) {
  const started = Date.now();
  try {
    const path = request.nextUrl.pathname;
    let forward: Request = request;
    let signInKey: string | null = null;
    if (path.endsWith("/sign-in/email") || path.endsWith("/sign-up/email")) {
      const address = clientAddress(request.headers);
      const text = await request.text();
      let email = "";
      try {
        email = String((JSON.parse(text) as { email?: unknown }).email ?? "").trim().toLowerCase();
      } catch {
        // better-auth answers the malformed body
      }
      signInKey = path.endsWith("/sign-in/email") ? `sign-in:${address}:${email}` : null;
      const wait = Math.max(take(`auth:${address}`, limits.authPerAddress()), signInKey ? take(signInKey, limits.signIn()) : 0);
      if (wait > 0) throw new ApiError(429, "rate_limited", `Too many attempts. Try again in ${wait} s.`, { "Retry-After": String(wait) });
      forward = new Request(request.url, { method: "POST", headers: request.headers, body: text });
    }
    const response = withSecureCookies(request, await (await getAuth()).handler(forward));
    if (signInKey && response.ok) forgive(signInKey);
    if (path.endsWith("/sign-up/email")) await new Promise((r) => setTimeout(r, Math.max(0, started + SIGN_UP_MIN_MS - Date.now())));
    return response;
  } catch (err) {
    return errorResponse(err);
  }
}

/** better-auth's cookies are httpOnly and SameSite=Lax; they also get Secure when the request came over HTTPS. */
function withSecureCookies(request: NextRequest, response: Response): Response {
  if (!isHttps(request.headers, request.url)) return response;
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0) return response;
  const out = new NextResponse(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
  out.headers.delete("set-cookie");
  for (const c of cookies) out.headers.append("set-cookie", /;\s*secure/i.test(c) ? c : `${c}; Secure`);
  return out;
}
