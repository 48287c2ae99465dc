// The call and registration signatures, on bundles whose logs hold the real SIP layouts
// (tests/fixtures/sip: TN 212475's rejected call, B2BUA MRA calls, REGISTERs).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyze, resultOf } from "@/lib/signatures/test-support";
import { xstatDump } from "@/tests/fixtures/build-bundle";
import { TN212475_SEARCH_404, call488, mraB2buaCall, registerAttempts, rejectedCall } from "@/tests/fixtures/sip/sip-fixtures";

const bundle = (lines: string[] | string) => ({ log: Array.isArray(lines) ? lines.join("\n") : lines, xstat: xstatDump() });
const at = (minute: number) => new Date(Date.parse("2024-03-05T10:00:00Z") + minute * 60_000).toISOString().replace("Z", "+00:00");

describe("SIP call signatures", () => {
  it("sip-call-not-found names the dialled alias no search rule matched, with a link to the call's ladder", async () => {
    const r = await resultOf("sip-call-not-found", bundle(TN212475_SEARCH_404));
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /`sip:jorobb@rtp\.ciscotac\.net`: no search rule routes that alias/);
    assert.equal(r.affected[0].host, "sip:jorobb@rtp.ciscotac.net");
    assert.match(r.affected[0].reason, /404 Not Found: no search rule matched/);
    assert.deepEqual(r.affected[0].calls, ["c1"]);
    assert.ok(r.evidence.some((e) => e.text.includes("Sending Response Code=404")));
  });

  it("sip-call-not-found says the 404 came from the next hop when the Expressway's search did not fail", async () => {
    const r = await resultOf("sip-call-not-found", bundle(rejectedCall({ callId: "nh@x", at: at(0), code: 404, reason: "Not Found" })));
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /came from the next hop/);
  });

  it("sip-media-not-acceptable tells what each side offered on a 488", async () => {
    const r = await resultOf("sip-media-not-acceptable", bundle(call488({ callId: "m488@x", at: at(0), callerSecure: false })));
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /offered unencrypted media/);
    assert.match(r.condition, /audio RTP\/AVP, no crypto \(opus\/48000\/2 PCMU\/8000/);
    assert.match(r.description, /Media encryption required/);
    assert.match(r.affected[0].reason, /caller offered RTP only/);
  });

  it("one card per code: 403, 480/408 and 503 each list only their calls", async () => {
    const lines = [
      ...rejectedCall({ callId: "f@x", at: at(0), code: 403, reason: "Forbidden" }),
      ...rejectedCall({ callId: "u@x", at: at(1), code: 480, reason: "Temporarily Unavailable", to: "bob@example.com" }),
      ...rejectedCall({ callId: "t@x", at: at(2), code: 408, reason: "Request Timeout", to: "carol@example.com" }),
      ...rejectedCall({ callId: "s@x", at: at(3), code: 503, reason: "Service Unavailable", warning: '399 10.81.54.20 "No licence"' }),
    ];
    const out = await analyze(bundle(lines));
    const get = (id: string) => out.results.find((x) => x.signatureId === id)!;
    assert.equal(get("sip-call-forbidden").outcome, "issue");
    assert.equal(get("sip-call-forbidden").affected.length, 1);
    assert.equal(get("sip-callee-unreachable").affected.length, 2);
    assert.match(get("sip-service-unavailable").affected[0].reason, /No licence/);
    assert.equal(get("sip-call-not-found").outcome, "ok");
    assert.equal(get("sip-media-not-acceptable").outcome, "ok");
    assert.equal(out.details.sip?.calls, 4);
    assert.equal(out.details.sip?.failedCalls, 4);
    assert.equal(out.calls?.calls.length, 4);
  });

  it("sip-call-fixed-duration finds answered calls all ended after the same time, and who ended them", async () => {
    const lines = [0, 1, 2].flatMap((i) => mraB2buaCall({ n: i, start: at(i * 40), byeAfterSeconds: 1800 + i, reason: 'SIP;cause=200;text="Session timer expired"' }));
    // and one answered call a user hung up after a minute
    lines.push(...mraB2buaCall({ n: 9, start: at(200), byeAfterSeconds: 65 }));
    const out = await analyze(bundle(lines));
    const r = out.results.find((x) => x.signatureId === "sip-call-fixed-duration")!;
    assert.equal(r.outcome, "issue", r.description);
    assert.match(r.description, /3 answered calls ended after about 180\d s \(30\.\d min\)/);
    assert.match(r.description, /Session timer expired/);
  });

  it("is not applicable without SIP calls, ok when every call went through", async () => {
    assert.equal((await resultOf("sip-call-not-found", { xstat: xstatDump(), log: "" })).outcome, "not_applicable");
    assert.equal((await resultOf("sip-challenge-loop", bundle(mraB2buaCall()))).outcome, "ok");
    assert.equal((await resultOf("sip-call-fixed-duration", bundle(mraB2buaCall()))).outcome, "ok");
  });
});

describe("sip-registration-refused", () => {
  it("names the AOR refused again and again, its device and the code", async () => {
    const lines = [
      ...registerAttempts({ aor: "9022@rcdn6-vm118-41.cisco.com", device: "Cisco-TCT/14.1", codes: [403, 403, 403, 403], at: at(0), callId: "r1@10.89.106.39" }),
      ...registerAttempts({ aor: "7022@rcdn6-vm118-41.cisco.com", device: "Cisco-CSF", codes: [401, 200], at: at(5), callId: "r2@10.89.106.35" }),
    ];
    const r = await resultOf("sip-registration-refused", bundle(lines));
    assert.equal(r.outcome, "issue");
    assert.equal(r.affected.length, 1);
    assert.equal(r.affected[0].host, "9022@rcdn6-vm118-41.cisco.com");
    assert.match(r.affected[0].reason, /403 ×4 · device Cisco-TCT\/14\.1/);
    assert.match(r.description, /`9022@rcdn6-vm118-41\.cisco\.com` \(Cisco-TCT\/14\.1\) got 403 ×4/);
  });

  it("is ok when a challenge is followed by a 200", async () => {
    const lines = registerAttempts({ aor: "7022@rcdn6-vm118-41.cisco.com", device: "Cisco-CSF", codes: [401, 200, 401, 200], at: at(0), callId: "r3@x" });
    assert.equal((await resultOf("sip-registration-refused", bundle(lines))).outcome, "ok");
  });
});

describe("sip-challenge-loop", () => {
  it("reports a call challenged twice that never got through", async () => {
    const base = rejectedCall({ callId: "ch@x", at: at(0), code: 407, reason: "Proxy Authentication Required" });
    const again = rejectedCall({ callId: "ch@x", at: at(0.01), code: 407, reason: "Proxy Authentication Required" }).map((l) => l.replaceAll("CSeq: 1 INVITE", "CSeq: 2 INVITE").replaceAll("CSeq=1,", "CSeq=2,"));
    const r = await resultOf("sip-challenge-loop", bundle([...base, ...again]));
    assert.equal(r.outcome, "issue", r.description);
    assert.match(r.affected[0].reason, /2 challenges, final 407/);
  });
});
