// The case's call join on the call engine's own output for each box: the MRA call of
// tests/fixtures/sip/sip-fixtures.ts (real network.sip layouts: TN 212475's INFO summary lines and
// SIPMSG blocks, the leading-space block layout of TN 212383 / TN 225746, the addresses of
// bluck7/expressway-mra-callflow's lab) cut into Expressway-E's and Expressway-C's logs
// (tests/fixtures/sip/case-sip-bundles.ts), each read by its own SipCollector as its analysis would.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { collectSip } from "@/lib/facts/sip/sip-test-support";
import type { CallMessage, CallsOutput } from "@/lib/results/calls";
import { type CaseCallInput, joinCaseCalls, mergeCallMessages, pageOfCaseCalls } from "@/lib/cases/join-case-calls";
import { callSessionIds } from "@/lib/worker/call-session-ids";
import { C, CUCM, E, JABBER } from "@/tests/fixtures/sip/sip-fixtures";
import { caseSipLogs } from "@/tests/fixtures/sip/case-sip-bundles";

type Analysed = { analysisId: string; host: string; out: CallsOutput };

const analyse = (analysisId: string, host: string, text: string): Analysed => ({
  analysisId,
  host,
  out: collectSip([{ name: `loggingsnapshot_${host}_2024-03-05.txt`, text }]).finish(),
});

/** What the worker stores per call (lib/worker/store-calls.ts), as the case reads it back. */
function inputsOf(...analysed: Analysed[]): CaseCallInput[] {
  return analysed.flatMap(({ analysisId, host, out }) =>
    out.calls.map(({ messages, ...summary }) => ({
      analysisId,
      host,
      callId: summary.id,
      sipCallIds: summary.callIds,
      sessionIds: callSessionIds(summary, messages),
      search: [summary.from, summary.to, ...summary.callIds, ...summary.hosts].join("\n").toLowerCase(),
      summary,
    })),
  );
}

function messagesOf(...analysed: Analysed[]) {
  return (p: CaseCallInput): CallMessage[] | null => analysed.find((a) => a.analysisId === p.analysisId)!.out.calls.find((c) => c.id === p.callId)!.messages;
}

describe("joinCaseCalls", () => {
  it("makes the call -E and -C each logged one call, seen on both, with the C's B2BUA leg to CUCM", () => {
    const logs = caseSipLogs();
    const e = analyse("ae", E.host, logs.e);
    const c = analyse("ac", C.host, logs.c);
    assert.equal(e.out.calls.length, 1);
    assert.equal(c.out.calls.length, 2);
    const calls = joinCaseCalls(inputsOf(e, c));
    assert.equal(calls.length, 2, JSON.stringify(calls.map((x) => x.summary.callIds)));
    // failed first: the 488 only -C saw, then the joined call
    assert.deepEqual(calls.map((x) => x.summary.state), ["rejected", "answered"]);
    const joined = calls[1].summary;
    assert.deepEqual(joined.seenOn.map((p) => p.host), [E.host, C.host]);
    assert.equal(joined.id, `ae:${e.out.calls[0].id}`);
    assert.equal(joined.callIds.length, 2);
    assert.deepEqual(joined.hosts.sort(), [C.host, E.host].sort());
    assert.equal(joined.from, "sip:1001@vm-bluck-fed-cust2-cucm1.cisco.com");
    assert.equal(joined.cutStart, false);
    assert.equal(joined.cutEnd, false);
    assert.deepEqual(calls[0].summary.seenOn.map((p) => p.host), [C.host]);
  });

  it("draws the E's peer that is the C as the C: one column per Expressway, the caller leftmost", () => {
    const logs = caseSipLogs();
    const e = analyse("ae", E.host, logs.e);
    const c = analyse("ac", C.host, logs.c);
    // alone, each box draws the other as a peer by IP
    assert.ok(e.out.calls[0].entities.some((x) => x.kind === "peer" && x.ip === C.ip));
    const [, joined] = joinCaseCalls(inputsOf(e, c));
    const labels = joined.summary.entities.map((x) => x.label);
    assert.deepEqual(labels, [JABBER.ip, E.host, C.host, `${C.host} B2BUA`, CUCM.ip]);
    assert.equal(labels.filter((l) => l === C.ip || l === E.ip).length, 0);
    assert.equal(joined.summary.endedBy, CUCM.ip);
  });

  it("orders both boxes' messages by time and draws a hop both ends logged once", () => {
    const logs = caseSipLogs();
    const e = analyse("ae", E.host, logs.e);
    const c = analyse("ac", C.host, logs.c);
    const calls = joinCaseCalls(inputsOf(e, c));
    const detail = mergeCallMessages(calls[1], messagesOf(e, c));
    const times = detail.messages.map((m) => Date.parse(m.time));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    const labels = detail.entities.map((x) => x.label);
    const at = (label: string) => detail.entities.findIndex((x) => x.label === label);
    // -E's Sent INVITE and -C's Received INVITE are one arrow E -> C, logged by both
    const invites = detail.messages.filter((m) => m.label === "INVITE" && m.from === at(E.host) && m.to === at(C.host));
    assert.equal(invites.length, 1, JSON.stringify(labels));
    assert.equal(invites[0].analysisId, "ae");
    assert.deepEqual(invites[0].alsoLoggedOn.map((o) => o.host), [C.host]);
    assert.match(invites[0].alsoLoggedOn[0].file, new RegExp(`^${C.host}: loggingsnapshot_`));
    // every arrow of the parts is drawn, minus the hops drawn once
    const parts = e.out.calls[0].messages!.length + c.out.calls.find((x) => x.state === "answered")!.messages!.length;
    const twins = detail.messages.reduce((n, m) => n + m.alsoLoggedOn.length, 0);
    assert.equal(detail.messages.length, parts - twins);
    assert.ok(twins >= 2, `twins ${twins}`);
    assert.deepEqual(detail.messages.map((m) => m.index), detail.messages.map((_, i) => i));
    assert.ok(detail.messages.every((m) => m.from < detail.entities.length && m.to < detail.entities.length));
    // the 200 OK travels CUCM -> C B2BUA ... -> E -> Jabber
    assert.ok(detail.messages.some((m) => m.label === "200 OK" && m.from === at(E.host) && m.to === at(JABBER.ip)));
    assert.ok(detail.messages.some((m) => m.label === "200 OK" && m.from === at(CUCM.ip) && m.to === at(`${C.host} B2BUA`)));
  });

  it("joins through the session ids alone when the boxes logged the hop under different Call-IDs", () => {
    const logs = caseSipLogs({ renameTraversalCallId: true });
    const e = analyse("ae", E.host, logs.e);
    const c = analyse("ac", C.host, logs.c);
    const inputs = inputsOf(e, c);
    const eCall = inputs.find((x) => x.analysisId === "ae")!;
    const cCall = inputs.find((x) => x.analysisId === "ac" && x.summary.state === "answered")!;
    assert.equal(eCall.sipCallIds.filter((id) => cCall.sipCallIds.includes(id)).length, 0, "no Call-ID in common");
    assert.ok(eCall.sessionIds.some((id) => cCall.sessionIds.includes(id)), "a session id in common");
    const calls = joinCaseCalls(inputs);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls[1].summary.seenOn.map((p) => p.host), [E.host, C.host]);
    assert.equal(calls[1].summary.callIds.length, 3);
  });

  it("never joins the same Call-ID an hour apart, nor two calls of one analysis", () => {
    const e = analyse("ae", E.host, caseSipLogs().e);
    const late = analyse("ac", C.host, caseSipLogs({ start: "2024-03-05T15:30:00.000Z" }).c);
    assert.equal(joinCaseCalls(inputsOf(e, late)).length, 3);
    // two copies of -E's call in one analysis, one copy on -C: -C joins one of them, not both
    const c = analyse("ac", C.host, caseSipLogs().c);
    const inputs = inputsOf(e, c);
    const twice = [...inputs, { ...inputs[0], callId: "c99" }];
    const calls = joinCaseCalls(twice);
    assert.equal(calls.length, 3);
    assert.ok(calls.every((x) => new Set(x.summary.seenOn.map((p) => p.analysisId)).size === x.summary.seenOn.length));
  });

  it("pages and filters the joined calls like the analysis calls list", () => {
    const logs = caseSipLogs();
    const calls = joinCaseCalls(inputsOf(analyse("ae", E.host, logs.e), analyse("ac", C.host, logs.c)));
    assert.equal(pageOfCaseCalls(calls, { state: "answered" }).total, 1);
    assert.equal(pageOfCaseCalls(calls, { code: "488" }).total, 1);
    // searched over every part: the -E part's host finds the joined call
    assert.equal(pageOfCaseCalls(calls, { q: E.host.toUpperCase() }).items[0].state, "answered");
    assert.equal(pageOfCaseCalls(calls, { page: "2", pageSize: "1" }).items.length, 1);
  });
});
