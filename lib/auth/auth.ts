// Accounts through better-auth: email + password (scrypt, better-auth's default), sessions stored in the
// database, httpOnly SameSite=Lax cookies (Secure is added per request when it came over HTTPS, see
// app/api/auth/[...all]/route.ts). One instance per process, built on the process's Prisma client.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getServices } from "@/lib/platform/services";
import { loadAuthSecret } from "@/lib/auth/secret";
import { requestOrigin } from "@/lib/http/request-origin";

export const SESSION_COOKIE = "ea.session_token";
export const MIN_PASSWORD_LENGTH = 10;

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
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      // No mail server: email addresses are not verified, so they are not trusted for anything but sign-in.
      requireEmailVerification: false,
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    user: { additionalFields: { activeWorkspaceId: { type: "string", required: false, input: false } } },
    // Our own token buckets (lib/auth/rate-limit.ts) guard sign-in and sign-up.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "ea",
      useSecureCookies: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
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
