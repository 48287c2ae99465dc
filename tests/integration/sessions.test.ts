// Sessions, passwords and tokens as an attacker would probe them: a cookie forged from a copy of the
// database, sessions that outlive a password change, sign-up that tells whether an address has an
// account, guessable passwords, and API tokens that outlive the token that minted them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { signIn, uniqueEmail } from "../helpers/accounts";
import { portalWithUser } from "../helpers/portal-fixture";
import { startPortal } from "../helpers/portal";
import { queryDatabase } from "../helpers/portal-database";

const json = { "content-type": "application/json" };

async function signedIn(url: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${url}/api/workspace`, { headers: { cookie } });
  if (res.status !== 200 && res.status !== 401) throw new Error(`GET /api/workspace answered ${res.status}`);
  return res.status === 200;
}

describe("session cookies and the database", () => {
  const fx = portalWithUser();

  it("refuses a session cookie forged from what the database holds, and keeps real sessions across the upgrade", async () => {
    await fx.portal.stop();
    const secret = (await queryDatabase<{ value: string }>(fx.portal, `SELECT value FROM "Setting" WHERE key = 'auth_secret'`))[0]?.value;
    const tokens = (await queryDatabase<{ token: string }>(fx.portal, `SELECT token FROM "session"`)).map((r) => r.token);
    assert.ok(secret && tokens.length > 0);
    fx.portal = await startPortal({ dataDir: fx.portal.dataDir, databaseUrl: fx.portal.databaseUrl });
    for (const token of tokens) {
      // better-auth's signed cookie: value "." base64(HMAC-SHA256(secret, value))
      const signature = createHmac("sha256", secret).update(token).digest("base64");
      const forged = `ea.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
      assert.equal(await signedIn(fx.portal.url, forged), false, "a forged cookie signs no one in");
    }
    assert.equal(await signedIn(fx.portal.url, fx.user.cookie), true, "the real cookie still works");
  });
});

describe("ending sessions", () => {
  const fx = portalWithUser();

  it("ends the user's other sessions when the password changes", async () => {
    const here = await signIn(fx.portal.url, fx.user.email, fx.user.password);
    const elsewhere = await signIn(fx.portal.url, fx.user.email, fx.user.password);
    const newPassword = "a fresh long passphrase 42";
    const res = await fetch(`${fx.portal.url}/api/auth/change-password`, {
      method: "POST",
      headers: { ...json, cookie: here, origin: fx.portal.url },
      body: JSON.stringify({ currentPassword: fx.user.password, newPassword }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(await signedIn(fx.portal.url, elsewhere), false, "the other session is over");
    assert.equal(await signedIn(fx.portal.url, fx.user.cookie), false, "the first session too");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("ea.session_token="))?.split(";")[0];
    assert.ok(cookie && (await signedIn(fx.portal.url, cookie)), "the browser that changed it stays signed in");
    fx.user.password = newPassword;
    fx.user.cookie = cookie;
  });

  it("signs out everywhere", async () => {
    const a = await signIn(fx.portal.url, fx.user.email, fx.user.password);
    const b = await signIn(fx.portal.url, fx.user.email, fx.user.password);
    const res = await fetch(`${fx.portal.url}/api/auth/revoke-sessions`, { method: "POST", headers: { ...json, cookie: a, origin: fx.portal.url }, body: "{}" });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(await signedIn(fx.portal.url, a), false);
    assert.equal(await signedIn(fx.portal.url, b), false);
  });
});

describe("sign-up", () => {
  const fx = portalWithUser({ env: { RATE_LIMIT_AUTH_PER_ADDRESS: "1000/300" } });

  async function signUp(email: string, password: string) {
    const started = performance.now();
    const res = await fetch(`${fx.portal.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { ...json, origin: fx.portal.url },
      body: JSON.stringify({ email, password, name: "Probe" }),
    });
    const body = await res.json();
    return { ms: performance.now() - started, status: res.status, body, cookies: res.headers.getSetCookie() };
  }

  const shape = (body: any) => ({ keys: Object.keys(body).sort(), user: Object.keys(body.user ?? {}).sort(), token: body.token ?? null });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  it("answers the same, in the same time, whether or not the address already has an account", async () => {
    const taken: Awaited<ReturnType<typeof signUp>>[] = [];
    const fresh: Awaited<ReturnType<typeof signUp>>[] = [];
    for (let i = 0; i < 6; i++) {
      taken.push(await signUp(fx.user.email, `another long passphrase ${i}`));
      fresh.push(await signUp(uniqueEmail("fresh"), `another long passphrase ${i}`));
    }
    for (let i = 0; i < taken.length; i++) {
      assert.equal(taken[i].status, fresh[i].status);
      assert.deepEqual(shape(taken[i].body), shape(fresh[i].body));
      assert.equal(taken[i].body.user?.email, fx.user.email);
      assert.deepEqual(taken[i].cookies.length, fresh[i].cookies.length, "neither signs anyone in");
    }
    const [t, f] = [median(taken.map((r) => r.ms)), median(fresh.map((r) => r.ms))];
    assert.ok(Math.abs(t - f) < Math.max(40, 0.25 * Math.max(t, f)), `median ${t.toFixed(0)} ms for a taken address, ${f.toFixed(0)} ms for a free one`);
    // the existing account is untouched: its password still works
    await signIn(fx.portal.url, fx.user.email, fx.user.password);
  });

  it("refuses common passwords and says why", async () => {
    for (const password of ["aaaaaaaaaa", "password123", "qwertyuiop", "1234567890"]) {
      const res = await signUp(uniqueEmail("weak"), password);
      assert.equal(res.status, 400, `${password}: ${JSON.stringify(res.body)}`);
      assert.match(JSON.stringify(res.body), /common|guess/i, password);
    }
    const ok = await signUp(uniqueEmail("strong"), "correct horse battery staple 7");
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });
});

describe("API tokens", () => {
  const fx = portalWithUser();

  async function mint(auth: Record<string, string>, name: string): Promise<{ id: string; token: string }> {
    const res = await fetch(`${fx.portal.url}/api/tokens`, { method: "POST", headers: { ...auth, ...json }, body: JSON.stringify({ name }) });
    assert.equal(res.status, 201, await res.clone().text());
    return res.json();
  }
  const works = async (token: string) => (await fetch(`${fx.portal.url}/api/analyses`, { headers: { authorization: `Bearer ${token}` } })).status === 200;

  it("ends the tokens a token minted, and theirs, when it is revoked", async () => {
    const parent = await mint(fx.user.session, "parent");
    const child = await mint({ authorization: `Bearer ${parent.token}` }, "child");
    const grandchild = await mint({ authorization: `Bearer ${child.token}` }, "grandchild");
    const sibling = await mint(fx.user.session, "sibling");
    assert.ok((await works(child.token)) && (await works(grandchild.token)));
    const res = await fetch(`${fx.portal.url}/api/tokens/${parent.id}`, { method: "DELETE", headers: fx.user.session });
    assert.equal(res.status, 204);
    assert.equal(await works(parent.token), false);
    assert.equal(await works(child.token), false, "the child dies with its parent");
    assert.equal(await works(grandchild.token), false, "and the grandchild");
    assert.equal(await works(sibling.token), true, "a token minted with the session is not touched");
  });
});
