// Who may see what, through the real server: accounts, workspaces, tokens, share links, CSRF, rate
// limits, history search, delete, and the admin command.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { createTestUser, signIn, signUp, uniqueEmail, type TestUser } from "../helpers/accounts";
import { ROOT, SAMPLE_SELF_SIGNED, SAMPLE_SNI, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";

async function upload(portal: Portal, headers: Record<string, string>, file = SAMPLE_SELF_SIGNED): Promise<string> {
  const res = await fetch(`${portal.url}/api/analyses`, {
    method: "POST",
    body: await readFile(file),
    headers: { ...headers, "X-Filename": path.basename(file) },
  });
  assert.equal(res.status, 202, await res.clone().text());
  const { id } = await res.json();
  await waitForAnalysis(portal.url, id, headers);
  return id;
}

describe("access", () => {
  let portal: Portal;
  let a: TestUser;
  let b: TestUser;
  let id: string;
  before(async () => {
    portal = await startPortal();
    [a, b] = [await createTestUser(portal.url, "a"), await createTestUser(portal.url, "b")];
    id = await upload(portal, a.auth);
  });
  after(async () => {
    await portal?.dispose();
  });

  it("answers 401 with an error object to every API route without credentials, and keeps /api/health public", async () => {
    for (const [method, route] of [
      ["GET", "/api/analyses"],
      ["POST", "/api/analyses"],
      ["GET", `/api/analyses/${id}`],
      ["DELETE", `/api/analyses/${id}`],
      ["GET", `/api/analyses/${id}/shares`],
      ["GET", "/api/tokens"],
      ["GET", "/api/workspace"],
    ]) {
      const res = await fetch(`${portal.url}${route}`, { method });
      assert.equal(res.status, 401, `${method} ${route}`);
      assert.equal((await res.json()).error.code, "unauthorized");
    }
    const bad = await fetch(`${portal.url}/api/analyses`, { headers: { authorization: "Bearer eat_not-a-real-token-not-a-real-token-xxxxxxx" } });
    assert.equal(bad.status, 401);
    assert.equal((await fetch(`${portal.url}/api/health`)).status, 200);
  });

  it("gives another workspace 404 for the analysis, its shares and its deletion, and leaves it out of their list", async () => {
    for (const init of [{}, { method: "DELETE" }]) {
      const res = await fetch(`${portal.url}/api/analyses/${id}`, { ...init, headers: b.auth });
      assert.equal(res.status, 404);
      assert.equal((await res.json()).error.code, "not_found");
    }
    assert.equal((await fetch(`${portal.url}/api/analyses/${id}/shares`, { headers: b.auth })).status, 404);
    assert.equal((await fetch(`${portal.url}/api/analyses/${id}/shares`, { method: "POST", headers: b.auth })).status, 404);
    const list = await (await fetch(`${portal.url}/api/analyses`, { headers: b.auth })).json();
    assert.equal(list.total, 0);
    // The same 404 as an id that does not exist: the page does not tell them apart either.
    const page = await fetch(`${portal.url}/analyses/${id}`, { headers: { cookie: b.cookie } });
    assert.equal(page.status, 404);
    const own = await fetch(`${portal.url}/analyses/${id}`, { headers: { cookie: a.cookie } });
    assert.equal(own.status, 200);
    const anonymous = await fetch(`${portal.url}/analyses/${id}`, { redirect: "manual" });
    assert.ok([303, 307].includes(anonymous.status));
    assert.match(anonymous.headers.get("location") ?? "", /\/sign-in\?next=/);
  });

  it("refuses cookie-authenticated changes from other sites (CSRF) but not from the portal's pages", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${portal.url}/api/tokens`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) });
    assert.equal((await post({ cookie: a.cookie })).status, 403);
    assert.equal((await post({ cookie: a.cookie, origin: "https://evil.example" })).status, 403);
    assert.equal((await post({ cookie: a.cookie, origin: portal.url, "sec-fetch-site": "cross-site" })).status, 403);
    assert.equal((await post({ cookie: a.cookie, origin: portal.url })).status, 201);
    // A token is no ambient credential: no Origin needed.
    assert.equal((await post(a.auth)).status, 201);
  });

  it("sets the session cookie httpOnly and SameSite=Lax, and Secure when the request came over HTTPS", async () => {
    const res = await fetch(`${portal.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: portal.url },
      body: JSON.stringify({ email: a.email, password: a.password }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("ea.session_token="))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i);
  });

  it("shares read-only through a link that counts its opens, lists its URL and expiry, and says it was revoked once it is", async () => {
    const created = await fetch(`${portal.url}/api/analyses/${id}/shares`, { method: "POST", headers: { ...a.auth, "content-type": "application/json" }, body: '{"expiresInDays":7}' });
    assert.equal(created.status, 201);
    const share = await created.json();
    assert.match(share.url, /^\/s\/eas_[A-Za-z0-9_-]{43}$/);
    const page = await fetch(`${portal.url}${share.url}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /read-only/i);
    const api = await fetch(`${portal.url}/api/shared/${share.token}`);
    assert.equal(api.status, 200);
    const shared = await api.json();
    assert.equal(shared.id, id);
    assert.equal(shared.share.expiresAt, share.expiresAt);
    assert.ok(Math.abs(Date.parse(shared.share.expiresAt) - Date.now() - 7 * 86400_000) < 60_000);
    // Nobody else's API calls work with a share token.
    assert.equal((await fetch(`${portal.url}/api/analyses/${id}`, { headers: { authorization: `Bearer ${share.token}` } })).status, 401);

    const [listed] = (await (await fetch(`${portal.url}/api/analyses/${id}/shares`, { headers: a.auth })).json()).items;
    assert.equal(listed.openCount, 1);
    assert.ok(listed.lastOpenedAt);
    assert.equal(listed.state, "active");
    assert.equal(listed.url, share.url, "the panel can list the link again");
    assert.ok(!("token" in listed) && !("tokenHash" in listed) && !("tokenSealed" in listed));

    assert.equal((await fetch(`${portal.url}/api/analyses/${id}/shares/${listed.id}`, { method: "DELETE", headers: b.auth })).status, 404);
    assert.equal((await fetch(`${portal.url}/api/analyses/${id}/shares/${listed.id}`, { method: "DELETE", headers: a.auth })).status, 204);
    const revokedPage = await (await fetch(`${portal.url}${share.url}`)).text();
    assert.match(revokedPage, /This share link was revoked/);
    assert.doesNotMatch(revokedPage, /CSCwc69661|cucm-pub/, "a revoked link shows nothing of the analysis");
    const revokedApi = await fetch(`${portal.url}/api/shared/${share.token}`);
    assert.equal(revokedApi.status, 404);
    assert.match((await revokedApi.json()).error.message, /revoked/);
    const [after] = (await (await fetch(`${portal.url}/api/analyses/${id}/shares`, { headers: a.auth })).json()).items;
    assert.equal(after.url, null, "a revoked link's URL is not listed");
    assert.match(await (await fetch(`${portal.url}/s/eas_${"A".repeat(43)}`)).text(), /This link does not open anything/);
  });

  it("lets a teammate invited by email see the workspace's analyses, joining without a personal workspace", async () => {
    const email = uniqueEmail("mate");
    const invite = await fetch(`${portal.url}/api/workspace/invites`, { method: "POST", headers: { ...a.session, "content-type": "application/json" }, body: JSON.stringify({ email }) });
    assert.equal(invite.status, 201);
    const { token } = await invite.json();
    const cookie = await signUp(portal.url, email, "teammate-password");
    // Someone else cannot use the link.
    assert.equal((await fetch(`${portal.url}/api/invites/${token}`, { method: "POST", headers: b.session })).status, 403);
    const accepted = await fetch(`${portal.url}/api/invites/${token}`, { method: "POST", headers: { cookie, origin: portal.url } });
    assert.equal(accepted.status, 200);
    const workspace = await (await fetch(`${portal.url}/api/workspace`, { headers: { cookie } })).json();
    assert.equal(workspace.workspaces.length, 1, "signed up from the invite: only the invited workspace");
    assert.equal(workspace.workspace.id, (await (await fetch(`${portal.url}/api/workspace`, { headers: a.auth })).json()).workspace.id);
    const list = await (await fetch(`${portal.url}/api/analyses`, { headers: { cookie } })).json();
    assert.deepEqual(list.items.map((i: any) => i.id), [id]);
    assert.equal((await fetch(`${portal.url}/api/analyses/${id}`, { headers: { cookie } })).status, 200);
    // Used once; its page then says so.
    assert.equal((await fetch(`${portal.url}/api/invites/${token}`, { method: "POST", headers: { cookie, origin: portal.url } })).status, 404);
    assert.match(await (await fetch(`${portal.url}/invite/${token}`)).text(), /This invite has already been used/);
  });

  it("searches the history by host, file name, defect ID and signature, and filters by outcome, version and date", async () => {
    const sni = await upload(portal, a.auth, SAMPLE_SNI);
    const ids = async (query: string) =>
      (await (await fetch(`${portal.url}/api/analyses?${query}`, { headers: a.auth })).json()).items.map((i: any) => i.id).sort();
    const both = [id, sni].sort();
    assert.deepEqual(await ids("q=expc1"), both);
    assert.deepEqual(await ids("q=10_02_11"), [sni]);
    assert.deepEqual(await ids("q=CSCwc69661"), both);
    assert.deepEqual(await ids("q=x14-2-traffic"), both);
    assert.deepEqual(await ids("q=CSCxx00000"), []);
    // An affected node's IP and host name find the analyses whose findings list it, and say which finding.
    assert.deepEqual(await ids("q=192.0.2.10"), both);
    const byIp = await (await fetch(`${portal.url}/api/analyses?q=192.0.2.10`, { headers: a.auth })).json();
    for (const item of byIp.items) {
      assert.ok(["ip", "host"].includes(item.match.field), JSON.stringify(item.match));
      assert.equal(item.match.text, "192.0.2.10");
      assert.equal(item.match.outcome, "issue");
    }
    // Words of a finding's affected reason find it too (user names are written there: "(user jdoe)").
    const byReason = await (await fetch(`${portal.url}/api/analyses?q=self%20signed%20certificate`, { headers: a.auth })).json();
    assert.deepEqual(byReason.items.map((i: any) => [i.id, i.match.field]), [[id, "reason"]]);
    assert.equal((await (await fetch(`${portal.url}/api/analyses?q=expc1`, { headers: a.auth })).json()).items[0].match, undefined);
    const historyPage = await (await fetch(`${portal.url}/analyses?q=192.0.2.10`, { headers: { cookie: a.cookie } })).text();
    assert.match(historyPage, /affected IP/);
    assert.deepEqual(await ids("outcome=issue&version=X14.2.0"), both);
    assert.deepEqual(await ids("version=X8.11.4"), []);
    assert.deepEqual(await ids("host=EXPC1"), both);
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(await ids(`from=${today}&to=${today}`), both);
    assert.deepEqual(await ids("to=2020-01-01"), []);
    assert.equal((await fetch(`${portal.url}/api/analyses?from=yesterday`, { headers: a.auth })).status, 400);
    // Newest first.
    assert.deepEqual((await (await fetch(`${portal.url}/api/analyses`, { headers: a.auth })).json()).items.map((i: any) => i.id), [sni, id]);
    const hostPage = await fetch(`${portal.url}/hosts/expc1`, { headers: { cookie: a.cookie } });
    assert.equal(hostPage.status, 200);
    assert.match(await hostPage.text(), /Outcomes over time/);
  });

  it("deletes an analysis with its stored bundle and share links", async () => {
    const doomed = await upload(portal, a.auth);
    const share = await (await fetch(`${portal.url}/api/analyses/${doomed}/shares`, { method: "POST", headers: a.auth })).json();
    assert.ok(existsSync(path.join(portal.dataDir, "uploads", `${doomed}.bundle`)));
    assert.equal((await fetch(`${portal.url}/api/analyses/${doomed}`, { method: "DELETE", headers: a.auth })).status, 204);
    assert.equal((await fetch(`${portal.url}/api/analyses/${doomed}`, { headers: a.auth })).status, 404);
    assert.equal((await fetch(`${portal.url}/api/shared/${share.token}`)).status, 404);
    assert.ok(!(await readdir(path.join(portal.dataDir, "uploads"))).some((f) => f.startsWith(doomed)));
  });

  it("revokes an API token at once", async () => {
    const created = await (await fetch(`${portal.url}/api/tokens`, { method: "POST", headers: { ...b.auth, "content-type": "application/json" }, body: JSON.stringify({ name: "short-lived" }) })).json();
    const auth = { authorization: `Bearer ${created.token}` };
    assert.equal((await fetch(`${portal.url}/api/analyses`, { headers: auth })).status, 200);
    assert.equal((await fetch(`${portal.url}/api/tokens/${created.id}`, { method: "DELETE", headers: b.auth })).status, 204);
    assert.equal((await fetch(`${portal.url}/api/analyses`, { headers: auth })).status, 401);
  });

  it("writes no bundle content to the server log", () => {
    const log = portal.output();
    for (const secret of ["cucm-pub.acme.test", "192.0.2.10", "VerifyOriginServer"]) assert.ok(!log.includes(secret), `log mentions ${secret}`);
  });
});

describe("rate limits", () => {
  let portal: Portal;
  before(async () => {
    portal = await startPortal({ env: { RATE_LIMIT_SIGN_IN: "3/600", RATE_LIMIT_UPLOAD: "2/600", TRUST_PROXY: "1" } });
  });
  after(async () => {
    await portal?.dispose();
  });

  it("answers 429 with Retry-After after too many sign-in attempts for one address and email", async () => {
    const user = await createTestUser(portal.url);
    const attempt = () =>
      fetch(`${portal.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: portal.url },
        body: JSON.stringify({ email: user.email, password: "wrong-password" }),
      });
    for (let i = 0; i < 3; i++) assert.equal((await attempt()).status, 401);
    const limited = await attempt();
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    assert.equal((await limited.json()).error.code, "rate_limited");
    // Even the right password waits: that is the point.
    await assert.rejects(signIn(portal.url, user.email, user.password), /429/);
  });

  it("marks the session cookie Secure behind a trusted HTTPS proxy", async () => {
    const email = uniqueEmail("https");
    const headers = { "content-type": "application/json", "x-forwarded-proto": "https", "x-forwarded-host": "analyzer.example", origin: "https://analyzer.example" };
    const up = await fetch(`${portal.url}/api/auth/sign-up/email`, { method: "POST", headers, body: JSON.stringify({ email, password: "https-password", name: "h" }) });
    assert.equal(up.status, 200, await up.clone().text());
    // sign-up signs no one in (it answers a taken address the same way); the sign-in sets the cookie
    const res = await fetch(`${portal.url}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify({ email, password: "https-password" }) });
    assert.equal(res.status, 200, await res.clone().text());
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("ea.session_token="))!;
    assert.match(cookie, /;\s*Secure/i);
    assert.match(cookie, /HttpOnly/i);
  });

  it("answers 429 to a user uploading faster than the limit", async () => {
    const user = await createTestUser(portal.url);
    const send = () => fetch(`${portal.url}/api/analyses`, { method: "POST", body: "x", headers: { ...user.auth, "X-Filename": "a.docx" } });
    assert.equal((await send()).status, 415);
    assert.equal((await send()).status, 415);
    assert.equal((await send()).status, 429);
  });
});

describe("admin command", () => {
  it("creates a user and a token without the web page, and says to stop the portal on the embedded database", async () => {
    const portal = await startPortal();
    const env = { ...process.env, DATA_DIR: portal.dataDir, NODE_ENV: "production" } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    if (portal.databaseUrl) env.DATABASE_URL = portal.databaseUrl;
    const admin = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], { cwd: ROOT, env, encoding: "utf8" });
    try {
      const email = uniqueEmail("admin");
      if (!portal.databaseUrl) {
        const busy = admin("create-user", "--email", email, "--password", "admin-password");
        assert.notEqual(busy.status, 0);
        assert.match(busy.stderr, /stop the portal/);
        await portal.stop();
      }
      const created = admin("create-user", "--email", email, "--password", "admin-password", "--workspace", "Lab");
      assert.equal(created.status, 0, created.stderr);
      assert.match(created.stdout, /owner of the new workspace "Lab"/);
      const token = admin("create-token", "--email", email, "--name", "ci");
      assert.equal(token.status, 0, token.stderr);
      const secret = token.stdout.trim();
      assert.match(secret, /^eat_[A-Za-z0-9_-]{43}$/);

      const running = portal.databaseUrl ? portal : await startPortal({ dataDir: portal.dataDir, databaseUrl: null });
      try {
        const list = await fetch(`${running.url}/api/analyses`, { headers: { authorization: `Bearer ${secret}` } });
        assert.equal(list.status, 200);
        // The password works on the sign-in page too.
        assert.match(await signIn(running.url, email, "admin-password"), /^ea\.session_token=/);
      } finally {
        if (running !== portal) await running.stop();
      }
    } finally {
      await portal.dispose();
    }
  });
});
