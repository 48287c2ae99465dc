// The bench's SIP-heavy profile: a loggingsnapshot as a busy Expressway-C with SIP at DEBUG writes
// it, most lines `network.sip` (an INFO summary and a DEBUG line with its SIPMSG block per message,
// in the real leading-space layout) and `developer.*` module lines around them (sip.leg, fsm,
// mediasessionmgr, as the public expressway-mra-callflow parser shows them), with calls answered,
// rejected (404 / 488 / 503) and ended, REGISTERs and OPTIONS keep-alives. Random ids keep it
// compressing like real logs.
import { logStamp, randomIds } from "../../lib/pipeline/synthetic-log";

const HOST = "vcsc1";
const LOCAL = "10.81.54.102";
const CUCM = "10.81.54.20";
const EXPE = "10.81.54.5";

export async function* sipHeavyLog(totalBytes: number): AsyncGenerator<Buffer> {
  let written = 0;
  let t = Date.parse("2024-03-05T09:12:40.170Z");
  let seq = 0;
  const { hex, digits } = randomIds();
  const stamp = () => {
    t += 2 + (seq % 5);
    return logStamp(t);
  };
  const developer = (out: string[], n: number) => {
    for (let i = 0; i < n; i++) {
      const s = stamp();
      const k = (seq + i) % 3;
      out.push(
        k === 0
          ? `${s.local} ${HOST} tvcs: UTCTime="${s.utc}" Module="developer.sip.leg" Level="DEBUG" CodeLocation="ppcmains/sip/sipproxy/SipSdpManipulator.cpp(${400 + i})" Method="SipSdpManipulator::mediaHalfAllocationSuccess" Thread="0x7f${hex(10)}":  this="0x55${hex(10)}" Media half allocation success called\n`
          : k === 1
            ? `${s.local} ${HOST} tvcs: UTCTime="${s.utc}" Module="developer.fsm.sipproxylegfsm" Level="TRACE" CodeLocation="allshare/fsm/fsmfsm.cpp(1153)" Method="::sys_testAndExecTask" Thread="0x7f${hex(10)}":  Detail="Starting message execution on task" Self="SipProxyLegFsm:${digits(4)}" Sender="SipProxyMsgDspFsm:1" Msg="SIP_PROXY_LEG_${i % 2 ? "REQUEST" : "RESPONSE"}" Task="t${i}" State="" NxtState="" NxtStateId="3"\n`
            : `${s.local} ${HOST} tvcs: UTCTime="${s.utc}" Module="developer.mediasessionmgr" Level="DEBUG" CodeLocation="ppcmains/oak/mediasession/MediaSessionMgr.cpp(311)" Method="MediaSessionMgr::getAssentDemuxServerMediaHalf" Thread="0x7f${hex(10)}": MFF = 0x55${hex(10)}, CallSerialNumber = ${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}, streamtype = STREAM_TYPE_AUDIO, streamNum = 1\n`,
      );
    }
  };
  /** One message: its INFO summary and its DEBUG line with the block. */
  const message = (out: string[], m: { dir: "in" | "out"; peer: string; peerPort: number; localPort: number; start: string; callId: string; cseq: string; from: string; to: string; code?: number; sdp?: boolean; session?: string }) => {
    const s = stamp();
    const hash = digits(19);
    const peer = m.dir === "in" ? `Src-ip="${m.peer}" Src-port="${m.peerPort}"` : `Dst-ip="${m.peer}" Dst-port="${m.peerPort}"`;
    const action = m.dir === "in" ? "Received" : "Sent";
    const [cseqNo, method] = m.cseq.split(" ");
    const verb = m.code !== undefined ? `${m.dir === "in" ? "Receive" : "Sending"} Response Code=${m.code}, Method=${method}, CSeq=${cseqNo}, To=${m.to}` : `${m.dir === "in" ? "Receive" : "Sending"} Request Method=${method}, CSeq=${cseqNo}, Request-URI=${m.to}`;
    out.push(
      `${s.local} ${HOST} tvcs: UTCTime="${s.utc}" Module="network.sip" Level="INFO":  Action="${action}" Local-ip="${LOCAL}" Local-port="${m.localPort}" ${peer} Detail="${verb}, Call-ID=${m.callId}, From-Tag=${m.from.slice(-8)}, To-Tag=, Msg-Hash=${hash}, Local-SessionID=${m.session ?? ""}, Remote-SessionID=00000000000000000000000000000000"\n`,
    );
    const lines = [
      `${s.local} ${HOST} tvcs: UTCTime="${s.utc}" Module="network.sip" Level="DEBUG":  Action="${action}" Local-ip="${LOCAL}" Local-port="${m.localPort}" ${peer} Msg-Hash="${hash}"`,
      " SIPMSG:",
      ` |${m.start}`,
      ` Via: SIP/2.0/TLS ${m.peer}:${m.peerPort};egress-zone=CUCM;branch=z9hG4bK${hex(24)};proxy-call-id=${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)};rport`,
      ` Via: SIP/2.0/TLS ${EXPE}:7001;branch=z9hG4bK${hex(24)};received=${EXPE};rport=25018;ingress-zone=TraversalZone`,
      ` Call-ID: ${m.callId}`,
      ` CSeq: ${m.cseq}`,
      ` From: <sip:${m.from}>;tag=${m.from.slice(-8)}`,
      ` To: <${m.to}>`,
      " Max-Forwards: 69",
      ` Record-Route: <sip:proxy-call-id=${hex(8)}-${hex(4)}@${LOCAL}:5061;transport=tls;lr>`,
      " Allow: INVITE,ACK,BYE,CANCEL,INFO,OPTIONS,REFER,SUBSCRIBE,NOTIFY",
      " User-Agent: TANDBERG/4352 (X14.3.0)",
      ...(m.session ? [` Session-ID: ${m.session};remote=00000000000000000000000000000000`] : []),
      ` Content-Length: ${m.sdp ? 412 : 0}`,
    ];
    if (m.sdp) {
      lines.push(" ", " v=0", ` o=tandberg 0 1 IN IP4 ${m.peer}`, " s=-", ` c=IN IP4 ${m.peer}`, " t=0 0", ` m=audio ${20000 + (seq % 9000) * 2} RTP/SAVP 114 0 8 101`, " a=rtpmap:114 opus/48000/2", " a=rtpmap:0 PCMU/8000", " a=rtpmap:8 PCMA/8000", " a=rtpmap:101 telephone-event/8000", ` a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:${hex(40)}`, " a=sendrecv", ` m=video ${30000 + (seq % 9000) * 2} RTP/SAVP 126 97`, " a=rtpmap:126 H264/90000", " a=rtpmap:97 H264/90000");
    }
    lines.push(" |", "");
    out.push(`${lines.join("\n")}\n`);
  };

  while (written < totalBytes) {
    const out: string[] = [];
    for (let i = 0; i < 8; i++, seq++) {
      const callId = `${hex(32)}@${EXPE}`;
      const from = `${1000 + (seq % 900)}@acme.test;${hex(8)}`;
      const to = `sip:${2000 + (seq % 500)}@acme.test`;
      const session = hex(32);
      const kind = seq % 10; // 0: 404, 1: 488, 2: 503, else answered
      const inLeg = { peer: EXPE, peerPort: 7001, localPort: 25018, callId, from, to, session };
      const outLeg = { peer: CUCM, peerPort: 5061, localPort: 25100, callId, from, to, session };
      message(out, { ...inLeg, dir: "in", start: `INVITE ${to} SIP/2.0`, cseq: "100 INVITE", sdp: true });
      developer(out, 4);
      message(out, { ...inLeg, dir: "out", start: "SIP/2.0 100 Trying", cseq: "100 INVITE", code: 100 });
      if (kind === 0) {
        message(out, { ...inLeg, dir: "out", start: "SIP/2.0 404 Not Found", cseq: "100 INVITE", code: 404 });
      } else {
        message(out, { ...outLeg, dir: "out", start: `INVITE ${to} SIP/2.0`, cseq: "100 INVITE", sdp: true });
        developer(out, 5);
        const code = kind === 1 ? 488 : kind === 2 ? 503 : 200;
        const reason = code === 488 ? "Not Acceptable Here" : code === 503 ? "Service Unavailable" : "OK";
        message(out, { ...outLeg, dir: "in", start: "SIP/2.0 180 Ringing", cseq: "100 INVITE", code: 180 });
        message(out, { ...outLeg, dir: "in", start: `SIP/2.0 ${code} ${reason}`, cseq: "100 INVITE", code, sdp: code === 200 });
        message(out, { ...inLeg, dir: "out", start: `SIP/2.0 ${code} ${reason}`, cseq: "100 INVITE", code, sdp: code === 200 });
        message(out, { ...inLeg, dir: "in", start: `ACK ${to} SIP/2.0`, cseq: "100 ACK" });
        if (code === 200) {
          developer(out, 6);
          message(out, { ...outLeg, dir: "in", start: `BYE sip:${from.split(";")[0]} SIP/2.0`, cseq: "101 BYE" });
          message(out, { ...inLeg, dir: "out", start: `BYE sip:${from.split(";")[0]} SIP/2.0`, cseq: "101 BYE" });
          message(out, { ...inLeg, dir: "in", start: "SIP/2.0 200 OK", cseq: "101 BYE", code: 200 });
        }
      }
      if (seq % 4 === 0) {
        const reg = `${3000 + (seq % 300)}@acme.test`;
        const regCall = `${hex(8)}-${hex(8)}@10.89.106.${seq % 200}`;
        message(out, { dir: "in", peer: EXPE, peerPort: 7001, localPort: 25018, start: "REGISTER sip:acme.test SIP/2.0", callId: regCall, cseq: `${seq} REGISTER`, from: reg, to: `sip:${reg}` });
        message(out, { dir: "out", peer: EXPE, peerPort: 7001, localPort: 25018, start: `SIP/2.0 ${seq % 40 === 0 ? 403 : 200} ${seq % 40 === 0 ? "Forbidden" : "OK"}`, callId: regCall, cseq: `${seq} REGISTER`, from: reg, to: `sip:${reg}`, code: seq % 40 === 0 ? 403 : 200 });
      }
      message(out, { dir: "in", peer: CUCM, peerPort: 5061, localPort: 5061, start: `OPTIONS sip:${LOCAL}:5061;transport=tls SIP/2.0`, callId: `${hex(32)}@${CUCM}`, cseq: "101 OPTIONS", from: `cucm@${CUCM}`, to: `sip:${LOCAL}:5061` });
      developer(out, 3);
    }
    const chunk = Buffer.from(out.join(""));
    written += chunk.length;
    yield chunk;
  }
}
