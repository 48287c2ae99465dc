// A case's calls through the HTTP API against the real server: Expressway-E's and -C's bundles of one
// MRA call (tests/fixtures/sip/case-sip-bundles.ts) uploaded as one case give one call seen on both,
// its ladder spanning both boxes; the same access rules as the case (another workspace gets 404, a
// share link of the case reads them, one of an analysis does not reach the case's).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestUser } from "../helpers/accounts";
import { portalWithUser } from "../helpers/portal-fixture";
import { C, CUCM, E, JABBER } from "../fixtures/sip/sip-fixtures";
import { CASE_SIP_C_NAME, CASE_SIP_E_NAME, caseSipBundles } from "../fixtures/sip/case-sip-bundles";

describe("a case's calls, through the HTTP API", () => {
  const fx = portalWithUser();
  let caseId = "";
  let joinedId = "";
  const get = async (path: string, auth: Record<string, string> = fx.user.auth) => {
    const res = await fetch(`${fx.portal.url}${path}`, { headers: auth });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("joins the call -E and -C logged into one, listed on the case and its calls endpoint", async () => {
    const { e, c } = await caseSipBundles();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(e)]), CASE_SIP_E_NAME);
    form.append("file", new Blob([new Uint8Array(c)]), CASE_SIP_C_NAME);
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: form, headers: fx.user.auth });
    assert.equal(res.status, 202);
    caseId = (await res.json()).caseId;
    const deadline = Date.now() + 90_000;
    let view: any;
    for (;;) {
      view = (await get(`/api/cases/${caseId}`)).body;
      if (view.status === "done") break;
      if (Date.now() > deadline) throw new Error(`case still ${view.status}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(view.analyses.map((a: any) => [a.host, a.status]), [[C.host, "done"], [E.host, "done"]]);
    // -E found one call, -C two (the MRA call and a 488 only it saw): the case has two
    assert.equal(view.calls.parts, 3);
    assert.equal(view.calls.total, 2);
    assert.equal(view.calls.joined, 1);
    assert.equal(view.calls.failedCalls, 1);
    assert.deepEqual(view.calls.items.map((x: any) => x.state), ["rejected", "answered"]);
    const joined = view.calls.items[1];
    assert.deepEqual(joined.seenOn.map((p: any) => p.host).sort(), [C.host, E.host].sort());
    assert.ok(!("messages" in joined));
    joinedId = joined.id;

    const list = await get(`/api/cases/${caseId}/calls`);
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 2);
    assert.deepEqual(list.body.items.map((x: any) => x.id), view.calls.items.map((x: any) => x.id));
    assert.equal((await get(`/api/cases/${caseId}/calls?state=answered`)).body.total, 1);
    assert.equal((await get(`/api/cases/${caseId}/calls?q=${encodeURIComponent(E.host)}`)).body.total, 1);
  });

  it("serves the joined call with both boxes' messages in time order, the E's peer that is the C as the C", async () => {
    const call = await get(`/api/cases/${caseId}/calls/${encodeURIComponent(joinedId)}`);
    assert.equal(call.status, 200);
    assert.equal(call.body.id, joinedId);
    const labels = call.body.entities.map((e: any) => e.label);
    assert.deepEqual(labels, [JABBER.ip, E.host, C.host, `${C.host} B2BUA`, CUCM.ip]);
    const msgs = call.body.messages;
    const hosts = new Set(msgs.map((m: any) => m.host));
    assert.deepEqual([...hosts].sort(), [C.host, E.host].sort());
    const times = msgs.map((m: any) => Date.parse(m.time));
    assert.deepEqual(times, [...times].sort((a: number, b: number) => a - b));
    const invite = msgs.find((m: any) => m.label === "INVITE" && labels[m.from] === E.host && labels[m.to] === C.host);
    assert.equal(invite.alsoLoggedOn.length, 1);
    assert.equal(invite.alsoLoggedOn[0].host, C.host);
    assert.match(invite.file, new RegExp(`^${E.host}: loggingsnapshot_`));
    assert.match(invite.text, /^INVITE sip:1004@/);

    // addressed by a part (each analysis's own id) or by any Call-ID of either box too
    for (const p of call.body.seenOn) {
      assert.equal((await get(`/api/cases/${caseId}/calls/${encodeURIComponent(`${p.analysisId}:${p.callId}`)}`)).body.id, joinedId);
    }
    for (const id of call.body.callIds) assert.equal((await get(`/api/cases/${caseId}/calls/${encodeURIComponent(id)}`)).body.id, joinedId);
    assert.equal((await get(`/api/cases/${caseId}/calls/nope`)).status, 404);
  });

  it("answers 404 to another workspace and 401 without credentials, and serves the case's share link read-only", async () => {
    const other = await createTestUser(fx.portal.url, "other");
    assert.equal((await get(`/api/cases/${caseId}/calls`, other.auth)).status, 404);
    assert.equal((await get(`/api/cases/${caseId}/calls/${encodeURIComponent(joinedId)}`, other.auth)).status, 404);
    assert.equal((await get(`/api/cases/${caseId}/calls`, {})).status, 401);

    const share = await fetch(`${fx.portal.url}/api/cases/${caseId}/shares`, { method: "POST", headers: { ...fx.user.auth, "Content-Type": "application/json" }, body: "{}" });
    assert.equal(share.status, 201);
    const { token, id: shareId } = (await share.json()) as { token: string; id: string };
    const opened = await get(`/api/shared/${token}`, {});
    assert.equal(opened.body.calls.total, 2);
    const shared = await get(`/api/shared/${token}/calls`, {});
    assert.equal(shared.status, 200);
    assert.equal(shared.body.total, 2);
    const one = await get(`/api/shared/${token}/calls/${encodeURIComponent(joinedId)}`, {});
    assert.equal(one.status, 200);
    assert.equal(one.body.seenOn.length, 2);
    // one analysis of the shared case, as its page under the link reads it
    const part = one.body.seenOn[0];
    const partCalls = await get(`/api/shared/${token}/analyses/${part.analysisId}/calls`, {});
    assert.equal(partCalls.status, 200);
    assert.ok(partCalls.body.total >= 1);
    assert.equal((await get(`/api/shared/${token}/analyses/${part.analysisId}/calls/${encodeURIComponent(part.callId)}`, {})).status, 200);
    assert.equal((await get(`/api/shared/${token}/analyses/${part.analysisId}/registrations`, {})).status, 200);
    assert.equal((await get(`/api/shared/${token}/analyses/not-in-this-case/calls`, {})).status, 404);

    const revoke = await fetch(`${fx.portal.url}/api/cases/${caseId}/shares/${shareId}`, { method: "DELETE", headers: fx.user.auth });
    assert.ok(revoke.ok, String(revoke.status));
    assert.equal((await get(`/api/shared/${token}/calls`, {})).status, 404);
    assert.equal((await get(`/api/shared/${token}/calls/${encodeURIComponent(joinedId)}`, {})).status, 404);
    assert.equal((await get(`/api/shared/${token}/analyses/${part.analysisId}/calls`, {})).status, 404);
  });
});
