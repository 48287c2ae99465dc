// What one TCP connection says about TLS: collects the hellos, the certificate chain and the
// plaintext alerts from both directions, and turns them into a report.
import type { ByteBudget } from "./budget";
import type { CaptureLimits } from "./limits";
import { NoteList } from "./notes";
import { TlsDirection, type TlsDirectionHost } from "./tls-direction";
import { parseCertificateList, parseClientHello, parseServerHello, type ClientHelloInfo, type ServerHelloInfo } from "./tls-messages";
import { alertDescriptionName, alertLevelName, cipherSuiteName, isGrease, versionName } from "./tls-names";
import type { Endpoint, TlsAlert, TlsSessionReport } from "./types";
import { isoTime } from "./time";

const HS_CLIENT_HELLO = 1;
const HS_SERVER_HELLO = 2;
const HS_CERTIFICATE = 11;
const TLS13 = 0x0304;

interface RawAlert {
  dir: number;
  level: number;
  code: number;
  timeMs: number;
}

export class TlsSession implements TlsDirectionHost {
  readonly directions: [TlsDirection, TlsDirection];
  /** time of the packet being processed, stamped on alerts */
  nowMs = 0;
  /** which end (0/1) is the client, once known */
  clientDir: number | undefined;
  private recognizedAny = false;
  private startTls = false;
  private clientHello?: ClientHelloInfo;
  private serverHello?: ServerHelloInfo;
  private helloRetry = false;
  private serverCerts: Buffer[] = [];
  private clientCerts: Buffer[] = [];
  private alerts: RawAlert[] = [];
  private readonly notes: NoteList;
  private readonly problems: string[][] = [[], []];

  constructor(
    budget: ByteBudget,
    limits: CaptureLimits,
    private readonly internCert: (der: Buffer) => Buffer,
  ) {
    this.notes = new NoteList(Math.min(limits.maxNotes, 20));
    this.directions = [
      new TlsDirection(this, 0, budget, limits.maxHandshakeMessageBytes, limits.maxStartTlsProbeBytes),
      new TlsDirection(this, 1, budget, limits.maxHandshakeMessageBytes, limits.maxStartTlsProbeBytes),
    ];
  }

  get tls13(): boolean {
    return this.serverHello?.version === TLS13;
  }

  /** Both directions are finished: the flow needs nothing more. */
  get idle(): boolean {
    return !this.directions[0].wantsMore() && !this.directions[1].wantsMore();
  }

  recognized(_dir: number, startTls: boolean): void {
    this.recognizedAny = true;
    if (startTls) this.startTls = true;
  }

  handshake(dir: number, type: number, body: Buffer): void {
    if (type === HS_CLIENT_HELLO) {
      this.clientDir = dir; // the ClientHello settles who the client is
      if (this.clientHello) return; // the second hello after a HelloRetryRequest adds nothing we report
      const info = parseClientHello(body);
      if (info) this.clientHello = info;
      else this.trouble(dir, "malformed ClientHello");
    } else if (type === HS_SERVER_HELLO) {
      if (this.clientDir === undefined) this.clientDir = 1 - dir;
      const info = parseServerHello(body);
      if (!info) return this.trouble(dir, "malformed ServerHello");
      if (info.helloRetry) this.helloRetry = true;
      else this.serverHello = info;
    } else if (type === HS_CERTIFICATE) {
      if (this.tls13) return; // never plaintext in TLS 1.3
      const fromServer = this.clientDir === undefined ? true : dir !== this.clientDir;
      const certs = parseCertificateList(body);
      if (!certs) return this.trouble(dir, "malformed Certificate message");
      const interned = certs.map(this.internCert);
      if (fromServer) this.serverCerts = interned;
      else this.clientCerts = interned;
    }
  }

  alert(dir: number, level: number, code: number): void {
    if (this.alerts.length < 16) this.alerts.push({ dir, level, code, timeMs: this.nowMs });
  }

  changeCipherSpec(): boolean {
    // TLS 1.3 sends a dummy ChangeCipherSpec for middleboxes; only in TLS <= 1.2 does it mean
    // "encrypted from here".
    return this.tls13 || this.helloRetry;
  }

  trouble(dir: number, what: string): void {
    if (this.problems[dir].length < 4) this.problems[dir].push(what);
  }

  /** End of the flow: the report, or null when this was not TLS. */
  report(args: { captureFile: string; ends: [Endpoint, Endpoint]; firstMs: number; lastMs: number; synFrom?: number }): TlsSessionReport | null {
    if (!this.recognizedAny) return null;
    const { ends } = args;
    let clientDir = this.clientDir ?? args.synFrom;
    // Last resort: the well-known (lower) port is the server's.
    if (clientDir === undefined) clientDir = ends[0].port > ends[1].port ? 0 : 1;
    const serverDir = 1 - clientDir;
    const ch = this.clientHello;
    const sh = this.serverHello;

    for (const dir of [clientDir, serverDir]) {
      const who = dir === clientDir ? "client" : "server";
      for (const p of this.problems[dir]) this.notes.add(`${who} → ${dir === clientDir ? "server" : "client"}: ${p}`);
      if (this.directions[dir].partialBytes > 0) {
        this.notes.add(`the capture ends in the middle of a TLS record from the ${who}`);
      }
    }

    let visibility: TlsSessionReport["certificateVisibility"] = "not-seen";
    if (this.serverCerts.length > 0) visibility = "visible";
    else if (sh && sh.version === TLS13) {
      visibility = "tls13";
      this.notes.add("certificate not visible: TLS 1.3");
    } else if (sh && ch && ch.sessionId.length > 0 && ch.sessionId === sh.sessionId) {
      visibility = "resumed";
      this.notes.add("certificate not sent: the session was resumed (abbreviated handshake)");
    } else if (!ch && !sh) {
      this.notes.add("no ClientHello or ServerHello in this capture (the handshake started before it?)");
    } else if (!sh) {
      this.notes.add("the server never sent a ServerHello in this capture");
    } else {
      this.notes.add("no server certificate in this capture");
    }

    const offered = (ch?.versions ?? []).filter((v) => !isGrease(v)).sort((a, b) => b - a).map(versionName);
    const alerts: TlsAlert[] = this.alerts.map((a) => ({
      from: a.dir === clientDir ? "client" : "server",
      level: alertLevelName(a.level),
      description: alertDescriptionName(a.code),
      code: a.code,
      time: isoTime(a.timeMs),
    }));
    return {
      captureFile: args.captureFile,
      client: { ...ends[clientDir] },
      server: { ...ends[serverDir] },
      sni: ch?.sni,
      offeredVersions: [...new Set(offered)],
      version: sh ? versionName(sh.version) : undefined,
      cipherSuite: sh ? cipherSuiteName(sh.cipherSuite) : undefined,
      alpnOffered: ch?.alpn ?? [],
      alpn: sh?.alpn,
      certificateVisibility: visibility,
      certificates: this.serverCerts,
      clientCertificates: this.clientCerts,
      alerts,
      startTls: this.startTls,
      firstPacketTime: isoTime(args.firstMs),
      lastPacketTime: isoTime(args.lastMs),
      notes: this.notes.list(),
    };
  }
}
