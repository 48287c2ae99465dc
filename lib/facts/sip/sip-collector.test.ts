import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { collectSip } from "@/lib/facts/sip/sip-test-support";
import { C, CUCM, E, TN212475_SEARCH_404, call488, mraB2buaCall, registerAttempts, rejectedCall } from "@/tests/fixtures/sip/sip-fixtures";

const one = (text: string, limits = {}) => collectSip([{ name: "loggingsnapshot_expc_2024.txt", text }], limits).finish();

/** `v` (JSON data) without the given keys at any depth: what two readings of the same calls may differ in. */
const without = (keys: readonly string[]) => {
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => !keys.includes(k)).map(([k, x]) => [k, strip(x)])) : v;
  return strip;
};

describe("SIP calls from network.sip entries", () => {
  it("reads the TN 212475 call: rejected 404 after a search that found nothing, summary and block paired", () => {
    const out = one(TN212475_SEARCH_404);
    assert.equal(out.counts.calls, 1);
    const call = out.calls[0];
    assert.equal(call.state, "rejected");
    assert.equal(call.code, 404);
    assert.equal(call.reason, "Not Found");
    assert.equal(call.warning, '399 192.168.1.5:5061 "Policy Response"');
    assert.equal(call.from, "sip:pstojano-test@dmzlab.call.ciscospark.com");
    assert.equal(call.to, "sip:jorobb@rtp.ciscotac.net");
    assert.equal(call.searchNotFound, true);
    assert.deepEqual(call.callIds, ["9062bca7eca2afe71b4a225048ed5101@127.0.0.1"]);
    assert.equal(out.reading.paired, 2);
    assert.equal(out.reading.summariesWithoutBlock, 0);
    assert.equal(out.reading.blocksWithoutSummary, 0);
    const msgs = call.messages!;
    assert.deepEqual(msgs.map((m) => m.label), ["INVITE", "404 Not Found"]);
    assert.equal(msgs[1].failure, true);
    // the row points at the summary line, and carries the block as text
    assert.ok(msgs[0].line > 0 && msgs[0].blockLine !== null);
    assert.match(msgs[1].text!, /^SIP\/2\.0 404 Not Found/);
    assert.deepEqual(call.entities.map((e) => e.label), ["192.168.1.6", "rtp12-tpdmz-118-VCSC"]);
    assert.equal(msgs[0].from, 0);
    assert.equal(msgs[0].to, 1);
  });

  it("joins a B2BUA call's two Call-IDs into one call through the Session-ID, answered then ended by CUCM", () => {
    const out = one(mraB2buaCall({ reason: 'Q.850;cause=16;text="Normal call clearing"' }).join("\n"));
    assert.equal(out.counts.calls, 1, JSON.stringify(out.calls.map((c) => c.callIds)));
    const call = out.calls[0];
    assert.equal(call.callIds.length, 2);
    assert.equal(call.state, "answered");
    assert.equal(call.code, 200);
    assert.equal(call.from, "sip:1001@vm-bluck-fed-cust2-cucm1.cisco.com");
    assert.equal(call.to, "sip:1004@vm-bluck-fed-cust2-cucm1.cisco.com");
    assert.equal(call.endReason, 'Q.850;cause=16;text="Normal call clearing"');
    assert.equal(call.endedBy, CUCM.ip);
    assert.ok(call.durationSeconds! > 60 && call.durationSeconds! < 70, String(call.durationSeconds));
    assert.equal(out.reading.legJoins, 1);
    const labels = call.entities.map((e) => e.label);
    assert.ok(labels.includes(E.host) && labels.includes(C.host) && labels.includes(`${C.host} B2BUA`) && labels.includes(CUCM.ip), labels.join(", "));
    assert.equal(call.cutStart, false);
    assert.equal(call.cutEnd, false);
    // E's sent INVITE and C's received INVITE are both drawn between the two Expressways
    const eIdx = labels.indexOf(E.host);
    const cIdx = labels.indexOf(C.host);
    assert.ok(call.messages!.some((m) => m.label === "INVITE" && m.from === eIdx && m.to === cIdx));
  });

  it("never joins through the all-zero session id", () => {
    const a = rejectedCall({ callId: "zero-a", at: "2024-03-05T10:00:00.000+00:00", code: 404, reason: "Not Found" });
    const b = rejectedCall({ callId: "zero-b", at: "2024-03-05T10:00:01.000+00:00", code: 404, reason: "Not Found" });
    const text = [...a, ...b].join("\n").replaceAll("Local-SessionID=,", "Local-SessionID=00000000000000000000000000000000,");
    const out = one(text);
    assert.equal(out.counts.calls, 2);
    assert.equal(out.reading.legJoins, 0);
  });

  it("refuses, and counts, a join of legs an hour apart that share a session id", () => {
    const lines = [...rejectedCall({ callId: "far-a", at: "2024-03-05T10:00:00.000+00:00", code: 480, reason: "Temporarily Unavailable" }), ...rejectedCall({ callId: "far-b", at: "2024-03-05T11:00:00.000+00:00", code: 480, reason: "Temporarily Unavailable" })];
    const text = lines.join("\n").replaceAll("Local-SessionID=,", "Local-SessionID=feedfacefeedfacefeedfacefeedface,");
    const out = one(text);
    assert.equal(out.counts.calls, 2);
    assert.ok(out.reading.refusedJoins >= 1);
  });

  it("tells a 488 call what each side offered", () => {
    const out = one(call488({ callId: "m488@10.10.20.31", at: "2024-03-05T10:00:00.000+00:00", callerSecure: false }).join("\n"));
    const call = out.calls[0];
    assert.equal(call.state, "rejected");
    assert.equal(call.code, 488);
    assert.equal(call.warning, '399 10.81.54.20 "Media encryption required"');
    assert.ok(call.offers.length >= 1);
    assert.equal(call.offers[0].media[0].proto, "RTP/AVP");
    assert.deepEqual(call.offers[0].media[0].crypto, []);
  });

  it("keeps the message lists of the first N calls per cause and only counts the rest", () => {
    const lines: string[] = [];
    for (let i = 0; i < 7; i++) lines.push(...rejectedCall({ callId: `n${i}@x`, at: `2024-03-05T10:0${i}:00.000+00:00`, code: 404, reason: "Not Found" }));
    const out = one(lines.join("\n"), { messagesPerCause: 3 });
    assert.equal(out.counts.calls, 7);
    assert.equal(out.counts.byCause["rejected 404"], 7);
    assert.equal(out.calls.filter((c) => c.messagesKept).length, 3);
    assert.equal(out.calls.filter((c) => c.messages === null).length, 4);
    assert.ok(out.calls.every((c) => c.messageCount === 4));
  });

  it("summarises a call the same whether its ladder is kept, taken by earlier calls of its cause, or its block is read later", () => {
    // Summary lines with session ids leave most blocks unread until a summary asks (see
    // SipCollector.readBlock); with messagesPerCause 0 every call's list is let go at its final answer.
    const calls: string[][] = [];
    for (let i = 0; i < 4; i++) calls.push(rejectedCall({ callId: `k${i}@x`, at: `2024-03-05T10:0${i}:00.000+00:00`, code: 404, reason: "Not Found", warning: '399 cucm "Unknown number"' }));
    calls.push(call488({ callId: "k488@x", at: "2024-03-05T10:05:00.000+00:00", callerSecure: false }));
    // two answered calls: the second one's list is let go at its BYE, after its 200 OK was read with its text
    calls.push(mraB2buaCall({ start: "2024-03-05T10:06:00.000+00:00" }));
    calls.push(mraB2buaCall({ start: "2024-03-05T10:08:00.000+00:00", n: 2 }));
    const withSessions = calls.map((lines, i) => lines.join("\n").replaceAll("Local-SessionID=,", `Local-SessionID=${String(i + 1).repeat(32)},`).replaceAll('Remote-SessionID="', 'Remote-SessionID=00000000000000000000000000000000"'));
    const text = withSessions.join("\n");
    const strip = (out: ReturnType<typeof one>) => out.calls.map(({ messages: _m, messagesKept: _k, ...c }) => c);
    const kept = one(text);
    assert.ok(kept.calls.every((c) => c.messagesKept));
    // folding at 1 open call fills the causes' ladders while the log is read, so later calls let go
    // of their lists at their final answer or BYE, after some of their rows were read with their text
    for (const limits of [{ messagesPerCause: 0 }, { messagesPerCause: 1 }, { messagesPerCause: 1, openCallsFoldedAt: 1 }]) {
      const out = one(text, limits);
      assert.deepEqual(strip(out), strip(kept));
      assert.deepEqual(out.counts, kept.counts);
      assert.deepEqual(out.reading, kept.reading);
    }
    const rejected = kept.calls.find((c) => c.code === 404)!;
    assert.equal(rejected.from, "sip:room12@example.com");
    assert.equal(rejected.reason, "Not Found");
    assert.equal(rejected.warning, '399 cucm "Unknown number"');
    // the ladder of a kept call still has every message's text and label
    assert.ok(rejected.messages!.every((m) => m.text !== null && m.text.length > 0 && m.label.length > 0));
    assert.ok(rejected.messages!.some((m) => m.label === "404 Not Found"));
    assert.equal(one(text, { messagesPerCause: 1 }).calls.filter((c) => c.messagesKept).length, 3);
    assert.equal(kept.calls.filter((c) => c.state === "answered" && c.reason === "OK").length, 2);
    // The INVITEs' summary lines say `To-Tag=`: their blocks are read only for the summary, and their
    // SDP still names what the 488 call's caller offered (in every mode, as the deepEqual above holds).
    const refused = kept.calls.find((c) => c.code === 488)!;
    assert.ok(refused.offers.length >= 1);
    assert.equal(refused.offers[0].media[0].proto, "RTP/AVP");
    assert.deepEqual(refused.offers[0].media[0].crypto, []);
    assert.ok(kept.calls.filter((c) => c.state === "answered").every((c) => c.offers.length >= 1));
  });

  it("lists failed calls first, then by start", () => {
    const lines = [
      ...mraB2buaCall(),
      ...rejectedCall({ callId: "late@x", at: "2024-03-05T15:00:00.000+00:00", code: 503, reason: "Service Unavailable" }),
      ...rejectedCall({ callId: "early@x", at: "2024-03-05T09:00:00.000+00:00", code: 404, reason: "Not Found" }),
    ];
    const out = one(lines.join("\n"));
    assert.deepEqual(out.calls.map((c) => c.state), ["failed", "rejected", "answered"]);
  });

  it("counts halves that never met, and places them anyway", () => {
    const lines = rejectedCall({ callId: "half@x", at: "2024-03-05T10:00:00.000+00:00", code: 404, reason: "Not Found" });
    // drop the DEBUG line and block of the first message: its summary stays alone
    const firstDebug = lines.findIndex((l) => l.includes('Level="DEBUG"'));
    const blockEnd = lines.indexOf(" |", firstDebug);
    const cut = [...lines.slice(0, firstDebug), ...lines.slice(blockEnd + 2)];
    const out = one(cut.join("\n"));
    assert.equal(out.reading.summariesWithoutBlock, 1);
    assert.equal(out.calls[0].messageCount, 4);
  });

  it("reads calls whose start and end the log cut, and rotated files in reverse order", () => {
    const lines = mraB2buaCall();
    const half = lines.findIndex((l, i) => i > 40 && l.includes('Level="INFO"') && l.includes("Code=200"));
    const out = collectSip([
      { name: "loggingsnapshot_2.txt", text: lines.slice(half).join("\n") },
      { name: "loggingsnapshot_1.txt", text: lines.slice(0, half).join("\n") },
    ]).finish();
    assert.equal(out.counts.calls, 1);
    assert.equal(out.calls[0].state, "answered");
    const cutOnly = one(lines.slice(half).join("\n"));
    assert.equal(cutOnly.calls[0].cutStart, true);
    assert.equal(cutOnly.reading.callsWithoutInvite, 1);
  });

  it("calls a CANCELled INVITE cancelled, and one without a final answer in progress, cut at the end", () => {
    const cancelled = rejectedCall({ callId: "cx@x", at: "2024-03-05T10:00:00.000+00:00", code: 487, reason: "Request Terminated" });
    const pending = rejectedCall({ callId: "px@x", at: "2024-03-05T10:05:00.000+00:00", code: 404, reason: "Not Found" });
    const out = one([...cancelled, ...pending.slice(0, pending.findIndex((l) => l.includes("Code=404")))].join("\n"));
    const byId = new Map(out.calls.map((c) => [c.callIds[0], c]));
    assert.equal(byId.get("cx@x")!.state, "cancelled");
    assert.equal(byId.get("cx@x")!.code, 487);
    assert.equal(byId.get("px@x")!.state, "in_progress");
    assert.equal(byId.get("px@x")!.cutEnd, true);
    assert.equal(byId.get("px@x")!.code, null);
  });

  it("makes a new call of a Call-ID reused on another day", () => {
    const lines = [
      ...rejectedCall({ callId: "reused@x", at: "2024-03-05T10:00:00.000+00:00", code: 404, reason: "Not Found" }),
      ...rejectedCall({ callId: "reused@x", at: "2024-03-06T10:00:00.000+00:00", code: 486, reason: "Busy Here" }),
    ];
    const out = one(lines.join("\n"));
    assert.equal(out.counts.calls, 2);
    assert.equal(out.reading.callIdReused, 1);
    assert.deepEqual(out.calls.map((c) => c.code).sort(), [404, 486]);
  });

  it("shows a message's text the same however many lines or files lie between it and the end of its call", () => {
    // A call's messages are held from its INVITE to its end: 17,000 lines apart, or in two files (the
    // rotated one first), they must read as when they follow one another.
    const call = mraB2buaCall({});
    const cut = call.findIndex((l, i) => i > 0 && l.includes('Level="INFO"') && l.includes("Response Code=200"));
    assert.ok(cut > 0);
    const filler = Array.from({ length: 17_000 }, (_, i) => `2024-03-05T10:00:01.${String(i % 1000).padStart(3, "0")}+00:00 expc1 tvcs: UTCTime="2024-03-05 10:00:01,000" Module="developer.sip.leg" Level="DEBUG": filler ${i}`);
    const near = one(call.join("\n"));
    const far = one([...call.slice(0, cut), ...filler, ...call.slice(cut)].join("\n"));
    const split = collectSip([
      { name: "loggingsnapshot_expc_2024.txt.1", text: call.slice(0, cut).join("\n") },
      { name: "loggingsnapshot_expc_2024.txt", text: call.slice(cut).join("\n") },
    ]).finish();
    const ladder = near.calls[0].messages!;
    assert.ok(ladder.length >= 6 && ladder.every((m) => m.text !== null && m.text.length > 0));
    assert.ok(ladder.some((m) => m.text!.startsWith("INVITE ")));
    const placeless = without(["line", "blockLine", "file", "evidence"]);
    assert.deepEqual(placeless(far.calls), placeless(near.calls));
    assert.deepEqual(placeless(split.calls), placeless(near.calls));
  });

  it("reads a message the same whether its summary line comes before its block (read into the summary) or after", () => {
    const summaryFirst = [...call488({ callId: "order@x", at: "2024-03-05T10:00:00.000+00:00", callerSecure: false }), ...mraB2buaCall({ reason: 'Q.850;cause=16;text="Normal call clearing"' })];
    // the same lines with each message's block moved before its summary line
    const blockFirst: string[] = [];
    for (let i = 0; i < summaryFirst.length; i++) {
      if (!summaryFirst[i].includes('Level="INFO"')) {
        blockFirst.push(summaryFirst[i]);
        continue;
      }
      let end = i + 1;
      while (end < summaryFirst.length && summaryFirst[end] !== "") end++;
      blockFirst.push(...summaryFirst.slice(i + 1, end + 1), summaryFirst[i]);
      i = end;
    }
    assert.notDeepEqual(blockFirst, summaryFirst);
    // where each message sits in the file differs between the two; what was read of it must not
    const a = one(summaryFirst.join("\n"));
    const b = one(blockFirst.join("\n"));
    assert.equal(a.reading.paired, b.reading.paired);
    assert.ok(a.reading.paired >= 10);
    assert.equal(a.calls.length, 2);
    const placeless = without(["line", "blockLine", "evidence"]);
    assert.deepEqual(placeless(a.calls), placeless(b.calls));
    assert.deepEqual(placeless(a.registrations), placeless(b.registrations));
  });

  it("skips OPTIONS keep-alives and their blocks without counting them as unpaired", () => {
    const text = [
      '2018-01-01T12:56:43.846-05:00 vm-bluck-fed-vcse1 tvcs: UTCTime="2018-01-01 17:56:43,846" Module="network.sip" Level="INFO":  Action="Sent" Local-ip="10.81.54.5" Local-port="7012" Dst-ip="10.81.54.102" Dst-port="25018" Detail="Sending Response Code=200, Method=OPTIONS, CSeq=30235, To=sip:10.81.54.5:7012, Call-ID=3be07e0ceb19d6df@10.81.54.102, From-Tag=c924fa30c7e5bdb2, To-Tag=00257b9a244d2547, Msg-Hash=9783133151195055080, Local-SessionID=, Remote-SessionID="',
      '2018-01-01T12:56:43.846-05:00 vm-bluck-fed-vcse1 tvcs: UTCTime="2018-01-01 17:56:43,846" Module="network.sip" Level="DEBUG":  Action="Sent" Local-ip="10.81.54.5" Local-port="7012" Dst-ip="10.81.54.102" Dst-port="25018" Msg-Hash="9783133151195055080"',
      " SIPMSG:",
      " |SIP/2.0 200 OK",
      " Call-ID: 3be07e0ceb19d6df@10.81.54.102",
      " CSeq: 30235 OPTIONS",
      " |",
    ].join("\n");
    const out = one(text);
    assert.equal(out.counts.calls, 0);
    assert.equal(out.reading.otherMethods.OPTIONS, 1);
    assert.equal(out.reading.blocksWithoutSummary, 0);
    assert.equal(out.reading.summariesWithoutBlock, 0);
  });

  it("bounds what it holds: a call's list is capped and total retention sheds the oldest open calls", () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) lines.push(...rejectedCall({ callId: `b${i}@x`, at: new Date(Date.parse("2024-03-05T10:00:00Z") + i * 600_000).toISOString().replace("Z", "+00:00"), code: 404, reason: "Not Found" }));
    const out = one(lines.join("\n"), { maxRetainedMessages: 20, messagesPerCause: 100, maxCalls: 10 });
    assert.equal(out.counts.calls, 40);
    assert.equal(out.calls.length, 10);
    assert.equal(out.counts.callsNotListed, 30);
  });

  it("bounds the calls it holds open: past maxOpenCalls the longest idle are folded in progress, and counted", () => {
    // INVITEs that never get an answer (the rest of each call is outside the log)
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) lines.push(...rejectedCall({ callId: `o${i}@x`, at: new Date(Date.parse("2024-03-05T10:00:00Z") + i * 1000).toISOString().replace("Z", "+00:00"), code: 404, reason: "Not Found" }).slice(0, 4));
    const open = one(lines.join("\n"), { maxOpenCalls: 10, openCallsFoldedAt: 5 });
    assert.equal(open.counts.calls, 30);
    assert.equal(open.counts.byState.in_progress, 30);
    assert.ok(open.reading.callsFoldedOpen >= 15, String(open.reading.callsFoldedOpen));
    assert.ok(open.calls.every((c) => c.cutEnd));
    // a fold never takes the call just opened: every call has its INVITE, no message came after a fold
    assert.equal(open.reading.callsWithoutInvite, 0);
    assert.equal(open.reading.afterFold, 0);
    assert.ok(open.calls.every((c) => c.messageCount === 1 || c.messageCount === 2));
    // the same log under the default limits folds none
    assert.equal(one(lines.join("\n")).reading.callsFoldedOpen, 0);
  });

  it("lists the first calls in list order however late the failures come, whether cut at once or by a trim", () => {
    const lines: string[] = [];
    const at = (i: number) => new Date(Date.parse("2024-03-05T10:00:00Z") + i * 600_000).toISOString().replace("Z", "+00:00");
    for (let i = 0; i < 25; i++) lines.push(...rejectedCall({ callId: `r${i}@x`, at: at(i), code: 404, reason: "Not Found" }));
    for (let i = 25; i < 28; i++) lines.push(...rejectedCall({ callId: `f${i}@x`, at: at(i), code: 503, reason: "Service Unavailable" }));
    const out = one(lines.join("\n"), { maxRetainedMessages: 20, messagesPerCause: 100, maxCalls: 10 });
    assert.equal(out.counts.calls, 28);
    assert.equal(out.counts.callsNotListed, 18);
    // failed before rejected, then by start: the three 503s and the seven earliest 404s
    assert.deepEqual(out.calls.map((c) => c.callIds[0]), ["f25@x", "f26@x", "f27@x", ...Array.from({ length: 7 }, (_, i) => `r${i}@x`)]);
  });
});

describe("SIP registrations", () => {
  it("folds attempts per AOR with contacts, device, outcomes and expiry", () => {
    const text = [
      ...registerAttempts({ aor: "7022@rcdn6-vm118-41.cisco.com", device: "Cisco-CSF", codes: [401, 200], at: "2018-01-18T17:34:39.499+00:00", callId: "00ebd5d5-d8c60008-3d372b84-5f6b0fd9@10.89.106.35" }),
      ...registerAttempts({ aor: "9022@rcdn6-vm118-41.cisco.com", device: "Cisco-TCT", codes: [403, 403, 403], at: "2018-01-18T17:40:00.000+00:00", callId: "00ccfc99-dfc1000b@10.89.106.39", contactIp: "10.89.106.39" }),
    ].join("\n");
    const out = one(text);
    assert.equal(out.counts.calls, 0);
    assert.equal(out.registrations.length, 2);
    const refused = out.registrations[0];
    assert.equal(refused.aor, "9022@rcdn6-vm118-41.cisco.com");
    assert.deepEqual(refused.outcomes, { "403": 3 });
    assert.deepEqual(refused.devices, ["Cisco-TCT"]);
    const ok = out.registrations[1];
    assert.deepEqual(ok.outcomes, { "200": 1, "401": 1 });
    assert.equal(ok.expires, 3600);
    assert.equal(ok.lastCode, 200);
    assert.equal(ok.contacts.length, 1);
  });
});
