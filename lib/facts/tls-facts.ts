// Combines what the bundle's packet captures, trust store (ca_*.pem) and server certificate
// (server_*.pem) show about TLS: sessions grouped per server:port, the chains each presented,
// certificates once per fingerprint. Captures stream through lib/capture during the single bundle
// pass; each file's sessions are folded into the groups as it ends, so only the groups stay.
import { createHash } from "node:crypto";
import {
  CERTIFICATE_SOURCES,
  TLS_DETAIL_LIMITS,
  type TlsCertificate,
  type TlsChain,
  type TlsDetails,
  type TlsServer,
  type TlsSessionSample,
  keyLabel,
} from "@/lib/results/tls";
import {
  type CaptureLimits,
  type CaptureReader,
  type CertificateDetails,
  type TlsSessionReport,
  chainComplete,
  createCaptureReader,
  describeCertificate,
  isCaptureFileName,
  issuerInTrustStore,
  nameMatches,
  parsePemCertificates,
} from "@/lib/capture";
import { linkTypeName } from "@/lib/capture/link-types";
import type { BundleEntry } from "@/lib/bundle/read-bundle";
import { baseName } from "@/lib/bundle/file-kind";
import { formatLimit } from "@/lib/bundle/limits";
import { serviceForPort } from "@/lib/facts/mra-services";

export type TlsFacts = {
  /** capture files whose bytes were read */
  captureFiles: string[];
  trustStoreFiles: string[];
  serverCertificateFiles: string[];
  /** the view stored as details.tls; signatures read it too */
  details: TlsDetails;
};

export type TlsCollectorOptions = {
  captureLimits?: Partial<CaptureLimits>;
  /** a ca_*.pem / server_*.pem larger than this is read only up to it */
  maxPemBytes?: number;
  /** the clock for judging certificates that no capture dates (trust store, server_*.pem) */
  now?: () => number;
};

type FileRole = "capture" | "trust_store" | "server_pem";

const MiB = 1024 * 1024;
/** Servers and certificates tracked while reading (the details list fewer). */
const MAX_TRACKED_SERVERS = 5_000;
const MAX_TRACKED_CERTIFICATES = 2_000;
const MAX_CHAINS_TRACKED = 32;
const MAX_SNI_TRACKED = 32;
/** Bundle-level notes taken from the captures (the rest stay in details.tls.notes). */
const MAX_BUNDLE_NOTES = 12;

// A whole Expressway capture set is up to 20 files × 20 MB per interface; keep the reader's
// buffers modest, the server holds nothing else this large.
const BUNDLE_CAPTURE_LIMITS: Partial<CaptureLimits> = { maxBufferedBytes: 32 * MiB, maxFlows: 20_000, maxSessions: 20_000 };

type ChainAgg = { fingerprints: string[]; sessions: number; sni: Set<string>; noSni: number };

type ServerAgg = {
  ip: string;
  port: number;
  sessions: number;
  sni: Map<string, number>;
  versions: Map<string, number>;
  ciphers: Map<string, number>;
  visibility: TlsServer["visibility"];
  chains: Map<string, ChainAgg>;
  alerts: Map<string, { from: "client" | "server"; level: string; description: string; count: number }>;
  firstMs: number;
  lastMs: number;
  samples: TlsSessionSample[];
  sampleKeys: Set<string>;
};

type CertAgg = { der: Buffer; lastMs: number; sources: Set<FileRole> };

export class TlsCollector {
  private readonly captureLimits: Partial<CaptureLimits>;
  private readonly maxPemBytes: number;
  private readonly now: () => number;
  private reader: CaptureReader | null = null;
  private pem: { role: FileRole; name: string; parts: Buffer[]; bytes: number; cut: boolean } | null = null;
  private readonly captures: TlsDetails["captures"] = [];
  private capturesOmitted = 0;
  private readonly servers = new Map<string, ServerAgg>();
  private sessionsOmitted = 0;
  private readonly certs = new Map<string, CertAgg>();
  private certsOmitted = 0;
  private readonly trust = new Map<string, Buffer>();
  private readonly serverPem: string[] = [];
  private readonly fingerprints = new WeakMap<Buffer, string>();
  private readonly notes: string[] = [];
  private notesDropped = 0;
  private sessionCount = 0;
  readonly captureFiles: string[] = [];
  readonly trustStoreFiles: string[] = [];
  readonly serverCertificateFiles: string[] = [];

  constructor(options: TlsCollectorOptions = {}) {
    this.captureLimits = { ...BUNDLE_CAPTURE_LIMITS, ...options.captureLimits };
    this.maxPemBytes = options.maxPemBytes ?? 4 * MiB;
    this.now = options.now ?? Date.now;
  }

  /** Which bundle files this collector reads as bytes. */
  static roleOf(file: Pick<BundleEntry, "name" | "kind">): FileRole | null {
    const base = baseName(file.name).toLowerCase();
    if (file.kind === "capture" || isCaptureFileName(file.name)) return "capture";
    if (file.kind === "certificate" || base.endsWith(".pem")) {
      if (base.startsWith("ca_") || base === "ca.pem") return "trust_store";
      if (base.startsWith("server_") || base === "server.pem") return "server_pem";
    }
    return null;
  }

  startFile(file: BundleEntry): boolean {
    const role = TlsCollector.roleOf(file);
    if (role === null) return false;
    if (role === "capture") {
      this.captureFiles.push(file.name);
      this.reader = createCaptureReader({ fileName: file.name, limits: this.captureLimits });
    } else {
      (role === "trust_store" ? this.trustStoreFiles : this.serverCertificateFiles).push(file.name);
      this.pem = { role, name: file.name, parts: [], bytes: 0, cut: false };
    }
    return true;
  }

  bytes(chunk: Buffer): void {
    if (this.reader) {
      this.reader.push(chunk);
      return;
    }
    const pem = this.pem;
    if (!pem || pem.cut) return;
    const room = this.maxPemBytes - pem.bytes;
    if (chunk.length > room) {
      pem.cut = true;
      // Copy: the tar stream's buffers must not be pinned by what we keep.
      pem.parts.push(Buffer.from(chunk.subarray(0, room)));
      pem.bytes += room;
      this.note(`${pem.name}: larger than ${formatLimit(this.maxPemBytes)}; only the certificates in the first ${formatLimit(this.maxPemBytes)} were read.`);
      return;
    }
    pem.parts.push(Buffer.from(chunk));
    pem.bytes += chunk.length;
  }

  endFile(): void {
    if (this.reader) {
      const summary = this.reader.end();
      this.reader = null;
      for (const s of summary.tlsSessions) this.addSession(s);
      if (this.captures.length < TLS_DETAIL_LIMITS.captures) {
        this.captures.push({
          fileName: summary.fileName,
          format: summary.format,
          linkTypes: summary.linkTypes.map(linkTypeName),
          packets: summary.stats.packets,
          tlsSessions: summary.tlsSessions.length,
          readToEnd: summary.readToEnd,
          firstPacketTime: summary.firstPacketTime ?? null,
          lastPacketTime: summary.lastPacketTime ?? null,
        });
      } else this.capturesOmitted++;
      for (const n of summary.notes) this.note(n);
      return;
    }
    const pem = this.pem;
    this.pem = null;
    if (!pem) return;
    const ders = parsePemCertificates(Buffer.concat(pem.parts));
    if (ders.length === 0) this.note(`${pem.name}: no certificate could be read from it.`);
    for (const der of ders) {
      const fp = this.fingerprint(der);
      if (pem.role === "trust_store") {
        if (!this.trust.has(fp)) this.trust.set(fp, der);
      } else {
        if (!this.serverPem.includes(fp)) this.serverPem.push(fp);
        this.addCert(fp, der, -Infinity, "server_pem");
      }
    }
  }

  /** Notes worth a line in the bundle summary: what could not be read in which capture. */
  bundleNotes(): string[] {
    const out = this.notes.filter((n) => !/^\d+ more notes/.test(n)).slice(0, MAX_BUNDLE_NOTES);
    const rest = this.notes.length + this.notesDropped - out.length;
    if (rest > 0) out.push(`${rest} more notes about the captures are listed with the certificates.`);
    return out;
  }

  finish(): TlsFacts {
    const nowMs = this.now();
    const trustDers = [...this.trust.values()];
    const haveTrust = this.trustStoreFiles.length > 0;
    const details = new Map<string, CertificateDetails>();
    const describe = (fp: string): CertificateDetails | null => {
      const known = details.get(fp);
      if (known) return known;
      const c = this.certs.get(fp);
      if (!c) return null;
      const d = describeCertificate(c.der, Number.isFinite(c.lastMs) ? c.lastMs : nowMs);
      if (d) details.set(fp, d);
      return d;
    };

    const allServers = [...this.servers.values()].sort((a, b) => compareIp(a.ip, b.ip) || a.port - b.port);
    const servers: TlsServer[] = [];
    for (const s of allServers.slice(0, TLS_DETAIL_LIMITS.servers)) {
      const chains: TlsChain[] = [...s.chains.values()]
        .sort((a, b) => b.sessions - a.sessions)
        .slice(0, TLS_DETAIL_LIMITS.chainsPerServer)
        .map((c) => this.chainView(c, s, describe, trustDers, haveTrust));
      const leaf = chains[0]?.fingerprints[0];
      servers.push({
        ip: s.ip,
        port: s.port,
        service: serviceForPort(s.port),
        sessions: s.sessions,
        sni: counted(s.sni, TLS_DETAIL_LIMITS.namesPerServer),
        versions: counted(s.versions, TLS_DETAIL_LIMITS.namesPerServer),
        ciphers: counted(s.ciphers, TLS_DETAIL_LIMITS.namesPerServer),
        visibility: { ...s.visibility },
        chains,
        alerts: [...s.alerts.values()].sort((a, b) => b.count - a.count).slice(0, TLS_DETAIL_LIMITS.namesPerServer),
        isExpressway: leaf !== undefined && chains.some((c) => this.serverPem.includes(c.fingerprints[0])),
        firstSeen: new Date(s.firstMs).toISOString(),
        lastSeen: new Date(s.lastMs).toISOString(),
        samples: s.samples,
      });
    }

    // Certificates the listed servers presented first, then the Expressway's own.
    const wanted: string[] = [];
    const seen = new Set<string>();
    const want = (fp: string) => {
      if (!seen.has(fp) && this.certs.has(fp)) {
        seen.add(fp);
        wanted.push(fp);
      }
    };
    for (const s of servers) for (const c of s.chains) c.fingerprints.forEach(want);
    this.serverPem.forEach(want);
    const certificates: TlsCertificate[] = [];
    for (const fp of wanted.slice(0, TLS_DETAIL_LIMITS.certificates)) {
      const d = describe(fp);
      const agg = this.certs.get(fp)!;
      if (!d) continue;
      certificates.push({
        fingerprint: fp,
        subject: d.subject,
        subjectCN: d.subjectCN ?? null,
        issuer: d.issuer,
        issuerCN: d.issuerCN ?? null,
        serialNumber: d.serialNumber,
        sanDns: d.sanDns,
        sanIps: d.sanIps,
        notBefore: d.notBefore,
        notAfter: d.notAfter,
        judgedAt: new Date(Number.isFinite(agg.lastMs) ? agg.lastMs : nowMs).toISOString(),
        expired: d.expired,
        notYetValid: d.notYetValid,
        expiresWithin30Days: d.expiresWithin30Days,
        keyType: d.keyType,
        keyBits: d.keyBits ?? null,
        curve: d.curve ?? null,
        signatureAlgorithm: d.signatureAlgorithm,
        selfSigned: d.selfSigned,
        isCA: d.isCA,
        subjectKeyId: d.subjectKeyId ?? null,
        authorityKeyId: d.authorityKeyId ?? null,
        inTrustStore: haveTrust ? issuerInTrustStore([agg.der], trustDers).trusted : null,
        sources: CERTIFICATE_SOURCES.filter((r) => agg.sources.has(r)),
        pem: d.pem,
      });
    }

    let trustStore: TlsDetails["trustStore"] = null;
    if (haveTrust) {
      const entries: NonNullable<TlsDetails["trustStore"]>["certificates"] = [];
      for (const [fp, der] of [...this.trust].slice(0, TLS_DETAIL_LIMITS.trustStore)) {
        const d = describeCertificate(der, nowMs);
        if (!d) continue;
        entries.push({ fingerprint: fp, subject: d.subject, subjectCN: d.subjectCN ?? null, issuerCN: d.issuerCN ?? null, notAfter: d.notAfter, expired: d.expired, selfSigned: d.selfSigned });
      }
      trustStore = { files: this.trustStoreFiles.slice(0, 20), count: this.trust.size, certificates: entries };
    }

    const notes = this.notes.slice(0, TLS_DETAIL_LIMITS.notes);
    const dropped = this.notesDropped + this.notes.length - notes.length;
    if (dropped > 0) notes.push(`${dropped} more notes were left out.`);
    if (this.sessionsOmitted > 0) notes.push(`${this.sessionsOmitted} TLS sessions to more than ${MAX_TRACKED_SERVERS} distinct server ports were counted but not grouped.`);
    if (this.capturesOmitted > 0) notes.push(`${this.capturesOmitted} more capture files were read but are not listed.`);

    return {
      captureFiles: this.captureFiles,
      trustStoreFiles: this.trustStoreFiles,
      serverCertificateFiles: this.serverCertificateFiles,
      details: {
        captures: this.captures,
        sessionCount: this.sessionCount,
        servers,
        serversOmitted: Math.max(0, allServers.length - servers.length),
        certificates,
        certificatesOmitted: Math.max(0, wanted.length - certificates.length) + this.certsOmitted,
        trustStore,
        serverCertificate: this.serverPem,
        notes,
      },
    };
  }

  // ---- internals ----------------------------------------------------------------------------

  private chainView(
    c: ChainAgg,
    s: ServerAgg,
    describe: (fp: string) => CertificateDetails | null,
    trustDers: Buffer[],
    haveTrust: boolean,
  ): TlsChain {
    const ders = c.fingerprints.map((fp) => this.certs.get(fp)?.der).filter((d): d is Buffer => d !== undefined);
    const check = ders.length === c.fingerprints.length ? chainComplete(ders) : { complete: false, endsWithRoot: false, problem: "some certificates were not kept" };
    const trust = haveTrust && ders.length > 0 ? issuerInTrustStore(ders, trustDers) : null;
    const leaf = c.fingerprints[0] ? describe(c.fingerprints[0]) : null;
    const names: TlsChain["names"] = [];
    if (leaf) {
      for (const sni of [...c.sni].slice(0, TLS_DETAIL_LIMITS.namesPerServer)) names.push({ name: sni, kind: "sni", covered: nameMatches(leaf, sni) });
      if (c.noSni > 0) names.push({ name: s.ip, kind: "address", covered: nameMatches(leaf, s.ip) });
    }
    return {
      fingerprints: c.fingerprints,
      sessions: c.sessions,
      complete: check.complete,
      endsWithRoot: check.endsWithRoot,
      problem: check.problem ?? null,
      trusted: trust ? trust.trusted : null,
      trustAnchor: trust?.anchor ?? null,
      names,
    };
  }

  private addSession(r: TlsSessionReport): void {
    this.sessionCount++;
    const key = `${r.server.ip}|${r.server.port}`;
    let s = this.servers.get(key);
    const first = Date.parse(r.firstPacketTime);
    const last = Date.parse(r.lastPacketTime);
    if (!s) {
      if (this.servers.size >= MAX_TRACKED_SERVERS) {
        this.sessionsOmitted++;
        return;
      }
      s = {
        ip: r.server.ip,
        port: r.server.port,
        sessions: 0,
        sni: new Map(),
        versions: new Map(),
        ciphers: new Map(),
        visibility: { visible: 0, tls13: 0, resumed: 0, notSeen: 0 },
        chains: new Map(),
        alerts: new Map(),
        firstMs: first,
        lastMs: last,
        samples: [],
        sampleKeys: new Set(),
      };
      this.servers.set(key, s);
    }
    s.sessions++;
    if (first < s.firstMs) s.firstMs = first;
    if (last > s.lastMs) s.lastMs = last;
    if (r.sni) bump(s.sni, r.sni, MAX_SNI_TRACKED);
    if (r.version) bump(s.versions, r.version, MAX_SNI_TRACKED);
    if (r.cipherSuite) bump(s.ciphers, r.cipherSuite, MAX_SNI_TRACKED);
    if (r.certificateVisibility === "visible") s.visibility.visible++;
    else if (r.certificateVisibility === "tls13") s.visibility.tls13++;
    else if (r.certificateVisibility === "resumed") s.visibility.resumed++;
    else s.visibility.notSeen++;
    for (const a of r.alerts) {
      const k = `${a.from}|${a.description}`;
      const known = s.alerts.get(k);
      if (known) known.count++;
      else if (s.alerts.size < MAX_SNI_TRACKED) s.alerts.set(k, { from: a.from, level: a.level, description: a.description, count: 1 });
    }

    const chain: string[] = [];
    for (const der of r.certificates) {
      const fp = this.fingerprint(der);
      chain.push(fp);
      this.addCert(fp, der, last, "capture");
    }
    const chainKey = chain.join(",");
    if (chain.length > 0) {
      let c = s.chains.get(chainKey);
      if (!c && s.chains.size < MAX_CHAINS_TRACKED) {
        c = { fingerprints: chain, sessions: 0, sni: new Set(), noSni: 0 };
        s.chains.set(chainKey, c);
      }
      if (c) {
        c.sessions++;
        if (r.sni) {
          if (c.sni.size < MAX_SNI_TRACKED) c.sni.add(r.sni);
        } else c.noSni++;
      }
    }

    // Samples: the first session of each distinct shape (chain, version, alerts), a few per server.
    const shape = `${chainKey}|${r.version ?? ""}|${r.certificateVisibility}|${r.alerts.map((a) => a.description).join(",")}`;
    if (s.samples.length < TLS_DETAIL_LIMITS.samplesPerServer && !s.sampleKeys.has(shape)) {
      s.sampleKeys.add(shape);
      s.samples.push({
        captureFile: r.captureFile,
        client: { ...r.client },
        sni: r.sni ?? null,
        version: r.version ?? null,
        cipherSuite: r.cipherSuite ?? null,
        offeredVersions: r.offeredVersions.slice(0, 6),
        alpn: r.alpn ?? null,
        certificateVisibility: r.certificateVisibility,
        chain,
        alerts: r.alerts.slice(0, 6).map((a) => ({ from: a.from, level: a.level, description: a.description, time: a.time })),
        startTls: r.startTls,
        firstPacketTime: r.firstPacketTime,
        lastPacketTime: r.lastPacketTime,
        notes: r.notes.slice(0, 8),
      });
    }
  }

  private addCert(fp: string, der: Buffer, atMs: number, role: FileRole): void {
    const known = this.certs.get(fp);
    if (known) {
      if (atMs > known.lastMs) known.lastMs = atMs;
      known.sources.add(role);
      return;
    }
    if (this.certs.size >= MAX_TRACKED_CERTIFICATES) {
      this.certsOmitted++;
      return;
    }
    // Copy once: the DER may be a view into a larger buffer of the capture reader.
    this.certs.set(fp, { der: Buffer.from(der), lastMs: atMs, sources: new Set([role]) });
  }

  private fingerprint(der: Buffer): string {
    const known = this.fingerprints.get(der);
    if (known) return known;
    const fp = (createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g) ?? []).join(":");
    this.fingerprints.set(der, fp);
    return fp;
  }

  private note(n: string): void {
    if (this.notes.length < 200) this.notes.push(n);
    else this.notesDropped++;
  }
}

function bump(m: Map<string, number>, k: string, max: number): void {
  const n = m.get(k);
  if (n !== undefined) m.set(k, n + 1);
  else if (m.size < max) m.set(k, 1);
}

function counted(m: Map<string, number>, max: number): { name: string; count: number }[] {
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, max).map(([name, count]) => ({ name, count }));
}

function compareIp(a: string, b: string): number {
  const ka = a.includes(":") ? `1${a}` : `0${a.split(".").map((p) => p.padStart(3, "0")).join(".")}`;
  const kb = b.includes(":") ? `1${b}` : `0${b.split(".").map((p) => p.padStart(3, "0")).join(".")}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// ---- lookups signatures share --------------------------------------------------------------

export function certificateByFingerprint(details: TlsDetails, fp: string): TlsCertificate | undefined {
  return details.certificates.find((c) => c.fingerprint === fp);
}

/** The server entry for an address and port (the failing node of a log line). */
export function serverAt(details: TlsDetails, ip: string | null, port: number | null): TlsServer | undefined {
  if (!ip || port === null) return undefined;
  return details.servers.find((s) => s.ip === ip && s.port === port);
}

export { keyLabel };
