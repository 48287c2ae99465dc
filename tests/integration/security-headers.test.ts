// What a browser is told about every answer (headers, CSP) and where the sign-in pages may send it,
// probed the way an attacker would: crafted ?next= values, rotated X-Forwarded-For, framing.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { portalWithUser } from "../helpers/portal-fixture";
import { SAMPLE_SELF_SIGNED, startPortal } from "../helpers/portal";

function assertSafeLocation(location: string | null, base: string, what: string) {
  assert.ok(location, `${what}: a Location header`);
  assert.match(location, /^[\x21-\x7e]+$/, `${what}: only printable ASCII in Location (${JSON.stringify(location)})`);
  assert.ok(location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"), `${what}: a path (${JSON.stringify(location)})`);
  assert.equal(new URL(location, base).origin, new URL(base).origin, `${what}: stays on the portal`);
}

describe("redirects after sign-in", () => {
  const fx = portalWithUser();

  it("sends a signed-in visitor only to paths on this site, whatever ?next= holds", async () => {
    const variants = [
      "/%09/evil.example",
      "/%0a/evil.example",
      "//evil.example",
      "/%5Cevil.example",
      "/%5C/evil.example",
      "%2f%2fevil.example",
      "/%2f%2fevil.example",
      "https://evil.example",
      "/%00x",
      "/caf%C3%A9",
      "/%E2%80%AEevil",
      "/%EF%BC%8F%EF%BC%8Fevil.example",
    ];
    for (const page of ["/sign-in", "/sign-up"]) {
      for (const next of variants) {
        const res = await fetch(`${fx.portal.url}${page}?next=${next}`, { headers: { cookie: fx.user.cookie }, redirect: "manual" });
        const what = `${page}?next=${next}`;
        assert.ok(res.status >= 300 && res.status < 400, `${what}: a redirect, not ${res.status}`);
        assertSafeLocation(res.headers.get("location"), fx.portal.url, what);
      }
    }
    const fine = await fetch(`${fx.portal.url}/sign-in?next=%2Fsettings%3Ftab%3Dtokens`, { headers: { cookie: fx.user.cookie }, redirect: "manual" });
    assert.equal(fine.headers.get("location"), "/settings?tab=tokens");
  });
});

describe("client address behind a proxy", () => {
  const fx = portalWithUser({ env: { TRUST_PROXY: "1", RATE_LIMIT_SIGN_IN: "5/300", RATE_LIMIT_AUTH_PER_ADDRESS: "1000/300" } });

  it("limits sign-in attempts by the address the proxy saw, not by what the client wrote into X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${fx.portal.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: fx.portal.url,
          // what a proxy forwards: the client's own claim first, then the address it connected from
          "x-forwarded-for": `203.0.113.${i + 1}, 198.51.100.7`,
        },
        body: JSON.stringify({ email: fx.user.email, password: "wrong-password-123" }),
      });
      statuses.push(res.status);
    }
    assert.ok(statuses.includes(429), `a 429 within 8 attempts (got ${statuses.join(", ")})`);
    assert.deepEqual(statuses.slice(0, 5).filter((s) => s === 429), [], "the first five are answered");
  });
});

describe("security headers", () => {
  const fx = portalWithUser();

  async function shareUrl(): Promise<string> {
    const up = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: await readFile(SAMPLE_SELF_SIGNED), headers: { ...fx.user.auth, "X-Filename": "a.tar.gz" } });
    const { id } = await up.json();
    const share = await fetch(`${fx.portal.url}/api/analyses/${id}/shares`, { method: "POST", headers: { ...fx.user.auth, "content-type": "application/json" }, body: "{}" });
    assert.equal(share.status, 201);
    return (await share.json()).url;
  }

  function assertCommonHeaders(res: Response, what: string) {
    const h = res.headers;
    assert.equal(h.get("x-content-type-options"), "nosniff", what);
    assert.equal(h.get("x-frame-options"), "DENY", what);
    assert.ok(h.get("referrer-policy"), `${what}: Referrer-Policy`);
    const csp = h.get("content-security-policy") ?? "";
    assert.match(csp, /frame-ancestors 'none'/, `${what}: frame-ancestors in ${JSON.stringify(csp)}`);
    assert.equal(h.get("strict-transport-security"), null, `${what}: no HSTS over plain http`);
  }

  it("sets them on pages, the share page, API answers and static files, with a nonce CSP the page's scripts carry", async () => {
    const share = await shareUrl();
    for (const page of ["/sign-in", share]) {
      const res = await fetch(`${fx.portal.url}${page}`);
      assert.equal(res.status, 200, page);
      assertCommonHeaders(res, page);
      const csp = res.headers.get("content-security-policy")!;
      const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
      assert.ok(nonce, `${page}: a nonce in script-src`);
      const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
      assert.doesNotMatch(scriptSrc, /unsafe-eval|unsafe-inline/, page);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.ok(scripts.length > 0);
      for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `${page}: ${tag} carries the nonce`);
      // a fresh nonce per answer
      const again = await fetch(`${fx.portal.url}${page}`);
      assert.notEqual(/'nonce-([^']+)'/.exec(again.headers.get("content-security-policy")!)?.[1], nonce);
    }
    const html = await (await fetch(`${fx.portal.url}/sign-in`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    assert.ok(asset);
    for (const [route, init] of [
      ["/api/health", {}],
      ["/api/analyses", {}],
      ["/api/analyses", { headers: fx.user.auth }],
      [asset, {}],
      ["/no-such-page", {}],
    ] as const) {
      const res = await fetch(`${fx.portal.url}${route}`, init);
      assertCommonHeaders(res, route);
    }
  });

  it("adds HSTS when the request came over https through a trusted proxy", async () => {
    const res = await fetch(`${fx.portal.url}/api/health`, { headers: { "x-forwarded-proto": "https" } });
    // not trusted here (no TRUST_PROXY): a client cannot switch it on
    assert.equal(res.headers.get("strict-transport-security"), null);
  });
});

describe("security headers over https", () => {
  it("sends Strict-Transport-Security when the portal's public URL is https", async () => {
    const portal = await startPortal({ env: { PUBLIC_URL: "https://analyzer.example.com" } });
    try {
      const res = await fetch(`${portal.url}/api/health`);
      assert.match(res.headers.get("strict-transport-security") ?? "", /max-age=\d{7,}/);
    } finally {
      await portal.dispose();
    }
  });
});
