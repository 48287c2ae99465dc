// The call engine through the HTTP API against the real server: the calls list (failed first,
// searched, filtered), one call with its messages by our id or a Call-ID, registrations, and the
// same access rules as the analysis (another workspace gets 404, a share link reads them).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestUser } from "../helpers/accounts";
import { waitForAnalysis } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";
import { SIP_BUNDLE_NAME, sipBundle } from "../fixtures/sip/sip-bundle";

describe("calls and registrations, through the HTTP API", () => {
  const fx = portalWithUser();
  let id = "";
  const get = async (path: string, auth: Record<string, string> = fx.user.auth) => {
    const res = await fetch(`${fx.portal.url}${path}`, { headers: auth });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("lists every call failed first, and serves one with its messages by id or by Call-ID", async () => {
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(await sipBundle()), headers: { ...fx.user.auth, "X-Filename": SIP_BUNDLE_NAME } });
    assert.equal(res.status, 202);
    id = (await res.json()).id;
    const a = await waitForAnalysis(fx.portal.url, id, fx.user.auth);
    assert.equal(a.status, "done", JSON.stringify(a.error));
    assert.equal(a.details.sip.calls, 3);
    assert.equal(a.details.sip.failedCalls, 2);
    assert.ok(!("calls" in a), "the call lists are not part of the analysis view");

    const list = await get(`/api/analyses/${id}/calls`);
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 3);
    assert.deepEqual(list.body.items.map((c: any) => c.state), ["rejected", "rejected", "answered"]);
    assert.ok(list.body.items.every((c: any) => !("messages" in c)));

    const rejected404 = list.body.items.find((c: any) => c.code === 404);
    const byId = await get(`/api/analyses/${id}/calls/${rejected404.id}`);
    assert.equal(byId.status, 200);
    assert.deepEqual(byId.body.messages.map((m: any) => m.label), ["INVITE", "404 Not Found"]);
    const byCallId = await get(`/api/analyses/${id}/calls/${encodeURIComponent("9062bca7eca2afe71b4a225048ed5101@127.0.0.1")}`);
    assert.equal(byCallId.body.id, rejected404.id);

    // the B2BUA call is one call, found by either leg's Call-ID
    const answered = list.body.items.find((c: any) => c.state === "answered");
    assert.equal(answered.callIds.length, 2);
    const byLeg2 = await get(`/api/analyses/${id}/calls/${encodeURIComponent(answered.callIds[1])}`);
    assert.equal(byLeg2.body.id, answered.id);
    assert.ok(byLeg2.body.messages.length >= 10);
    assert.equal((await get(`/api/analyses/${id}/calls/nope`)).status, 404);

    const filtered = await get(`/api/analyses/${id}/calls?state=rejected&code=488`);
    assert.equal(filtered.body.total, 1);
    const searched = await get(`/api/analyses/${id}/calls?q=JOROBB`);
    assert.equal(searched.body.total, 1);
    const paged = await get(`/api/analyses/${id}/calls?page=2&pageSize=2`);
    assert.equal(paged.body.items.length, 1);
  });

  it("lists registrations per AOR, refused first", async () => {
    const regs = await get(`/api/analyses/${id}/registrations`);
    assert.equal(regs.status, 200);
    assert.equal(regs.body.total, 2);
    assert.equal(regs.body.items[0].aor, "9022@rcdn6-vm118-41.cisco.com");
    assert.deepEqual(regs.body.items[0].outcomes, { "403": 3 });
    assert.equal((await get(`/api/analyses/${id}/registrations?q=csf`)).body.total, 1);
  });

  it("answers 404 to another workspace and 401 without credentials, and serves a share link read-only", async () => {
    const other = await createTestUser(fx.portal.url, "other");
    assert.equal((await get(`/api/analyses/${id}/calls`, other.auth)).status, 404);
    assert.equal((await get(`/api/analyses/${id}/registrations`, other.auth)).status, 404);
    assert.equal((await get(`/api/analyses/${id}/calls/c1`, other.auth)).status, 404);
    assert.equal((await get(`/api/analyses/${id}/calls`, {})).status, 401);

    const share = await fetch(`${fx.portal.url}/api/analyses/${id}/shares`, { method: "POST", headers: { ...fx.user.auth, "Content-Type": "application/json" }, body: "{}" });
    const { token } = (await share.json()) as { token: string };
    const shared = await get(`/api/shared/${token}/calls`, {});
    assert.equal(shared.status, 200);
    assert.equal(shared.body.total, 3);
    assert.equal((await get(`/api/shared/${token}/calls/${shared.body.items[0].id}`, {})).status, 200);
    assert.equal((await get(`/api/shared/${token}/registrations`, {})).body.total, 2);
    assert.equal((await get(`/api/shared/not-a-token/calls`, {})).status, 404);
  });
});
