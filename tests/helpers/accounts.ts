// Accounts for tests, made the way a person would: sign up through the HTTP API (which gives the user a
// workspace of their own), then create an API token with the session cookie, as the settings page does.
import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";

export type TestUser = {
  email: string;
  password: string;
  /** the session cookie, as a Cookie header value */
  cookie: string;
  token: string;
  /** Authorization: Bearer <token> */
  auth: Record<string, string>;
  /** Cookie + Origin, as a page of the portal sends them */
  session: Record<string, string>;
};

let counter = 0;

export function uniqueEmail(label = "user"): string {
  return `${label}-${process.pid}-${++counter}-${randomBytes(3).toString("hex")}@example.com`;
}

/**
 * POST /api/auth/sign-up/email, then sign in as the sign-up form does (sign-up answers the same whether
 * or not the address had an account, so it signs no one in); returns the session cookie.
 */
export async function signUp(baseUrl: string, email: string, password: string, name = email.split("@")[0]): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password, name }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return signIn(baseUrl, email, password);
}

/** POST /api/auth/sign-in/email; returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return sessionCookie(res);
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("ea.session_token="));
  if (!cookie) throw new Error("no session cookie in the answer");
  return cookie.split(";")[0];
}

/** A new user with a session and an API token. */
export async function createTestUser(baseUrl: string, label = "user"): Promise<TestUser> {
  const email = uniqueEmail(label);
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const cookie = await signUp(baseUrl, email, password);
  const session = { cookie, origin: baseUrl };
  const res = await fetch(`${baseUrl}/api/tokens`, {
    method: "POST",
    headers: { ...session, "content-type": "application/json" },
    body: JSON.stringify({ name: "tests" }),
  });
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { email, password, cookie, token, auth: { authorization: `Bearer ${token}` }, session };
}

/** Makes a browser context act as the user whose session cookie is given (a Playwright BrowserContext). */
export async function addSessionCookie(context: BrowserContext, baseUrl: string, cookie: string): Promise<void> {
  const eq = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
}
