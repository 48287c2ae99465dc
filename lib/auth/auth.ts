// Accounts through better-auth: email + password (scrypt, better-auth's default), sessions stored in the
// database with their tokens hashed (lib/auth/hashed-session-tokens.ts), httpOnly SameSite=Lax cookies
// (Secure is added per request when it came over HTTPS, see app/api/auth/[...all]/route.ts). One instance
// per process, built on the process's Prisma client.
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { hashSessionTokens } from "@/lib/auth/hashed-session-tokens";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password-policy";
import { getServices } from "@/lib/platform/services";
import { loadAuthSecret } from "@/lib/auth/secret";
import { REMOTE_ADDRESS_HEADER } from "@/lib/http/client-address";
import { requestOrigin } from "@/lib/http/request-origin";

export const SESSION_COOKIE = "ea.session_token";

/** better-auth endpoints that set a password, and the body field holding the new one. */
const PASSWORD_FIELDS: Record<string, string> = { "/sign-up/email": "password", "/change-password": "newPassword", "/reset-password": "newPassword" };

/**
 * Runs before every better-auth endpoint (HTTP and auth.api calls alike): refuses weak new passwords with
 * the reason, and makes a password change end every other session of the user (someone who changes a
 * password because it leaked wants the other signed-in browsers out).
 */
const beforeHook = createAuthMiddleware(async (ctx) => {
  const field = PASSWORD_FIELDS[ctx.path];
  if (field) {
    const value = (ctx.body as Record<string, unknown> | undefined)?.[field];
    const problem = typeof value === "string" ? passwordProblem(value) : null;
    if (problem) throw new APIError("BAD_REQUEST", { message: problem, code: "WEAK_PASSWORD" });
  }
  if (ctx.path === "/change-password") return { context: { body: { ...(ctx.body as object), revokeOtherSessions: true } } };
});

async function createAuth() {
  const { prisma } = getServices().db;
  const secret = await loadAuthSecret(prisma);
  return betterAuth({
    appName: "Expressway Analyzer",
    secret,
    // Unset: the origin is taken from each request, so the portal works on any host name it is reached by.
    baseURL: process.env.PUBLIC_URL || undefined,
    // CSRF: better-auth accepts cookie-carrying POSTs only from a trusted Origin. That is the origin the
    // request was addressed to (Host header), the same rule lib/auth/csrf.ts applies to our own routes.
    trustedOrigins: (request?: Request) => (request ? [requestOrigin(request.headers, request.url)] : []),
    database: hashSessionTokens(prismaAdapter(prisma, { provider: "postgresql" })),
    emailAndPassword: {
      enabled: true,
      // Sign-up signs no one in: with that, better-auth answers a sign-up for a taken address exactly like
      // one for a free address (same body, a password hashed either way), so sign-up cannot be used to
      // find out who has an account. The form signs in right after (components/auth-form.tsx).
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // No mail server: email addresses are not verified, so they are not trusted for anything but sign-in.
      requireEmailVerification: false,
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    user: { additionalFields: { activeWorkspaceId: { type: "string", required: false, input: false } } },
    hooks: { before: beforeHook },
    // Our own token buckets (lib/auth/rate-limit.ts) guard sign-in and sign-up.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "ea",
      useSecureCookies: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      // The session's recorded address is the socket's (server.ts), never a client-written X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [REMOTE_ADDRESS_HEADER] },
    },
    logger: { level: "error" },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const KEY = Symbol.for("expressway-analyzer.auth");
type Holder = { [KEY]?: { db: unknown; auth: Promise<Auth> } };

/** The process's better-auth instance, bound to the current database (rebuilt if services restart). */
export function getAuth(): Promise<Auth> {
  const holder = globalThis as Holder;
  const db = getServices().db;
  if (holder[KEY]?.db !== db) {
    const auth = createAuth();
    holder[KEY] = { db, auth };
    auth.catch(() => {
      if (holder[KEY]?.auth === auth) holder[KEY] = undefined;
    });
  }
  return holder[KEY]!.auth;
}
