// Certificates seen in the bundle's packet captures: one row per server:port with the chain it
// presented, expandable certificate details with a PEM download, and the TLS sessions behind it;
// then the trust store and the Expressway's own certificate. All text is rendered as text.
import {
  type TlsCertificate,
  type TlsChain,
  type TlsDetails,
  type TlsServer,
  keyLabel,
} from "@/lib/results/tls";
import { formatUtc } from "@/lib/ui/format";
import { AlertIcon } from "./icons";

type Tone = "red" | "amber" | "green" | "slate" | "violet";
const TONE: Record<Tone, string> = {
  red: "bg-red-50 text-red-700 ring-red-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  slate: "bg-slate-50 text-slate-600 ring-slate-200",
  violet: "bg-violet-50 text-violet-700 ring-violet-200",
};

function Tag({ tone, children, title }: { tone: Tone; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${TONE[tone]}`}>
      {children}
    </span>
  );
}

const Chevron = () => (
  <svg viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0 text-slate-400 transition-transform group-open:rotate-90" aria-hidden="true">
    <path d="m8 5 5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

function pemHref(pem: string): string {
  return `data:application/x-pem-file;charset=utf-8,${encodeURIComponent(pem)}`;
}

function pemFileName(c: TlsCertificate): string {
  const base = (c.subjectCN ?? c.fingerprint.slice(0, 11)).replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+|_+$/g, "") || "certificate";
  return `${base}.pem`;
}

function CertTags({ c, trusted }: { c: TlsCertificate; trusted?: boolean | null }) {
  const t = trusted === undefined ? c.inTrustStore : trusted;
  return (
    <>
      {c.expired && <Tag tone="red">Expired</Tag>}
      {c.notYetValid && <Tag tone="red">Not yet valid</Tag>}
      {!c.expired && c.expiresWithin30Days && <Tag tone="amber">Expires soon</Tag>}
      {c.selfSigned && <Tag tone={t ? "slate" : "amber"}>Self-signed</Tag>}
      {t === false && <Tag tone="red">Not trusted</Tag>}
      {t === true && <Tag tone="green">Trusted</Tag>}
    </>
  );
}

function Field({ label, children, mono }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div className="grid gap-0.5 py-1.5 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`min-w-0 text-sm text-slate-800 [overflow-wrap:anywhere] ${mono ? "font-mono text-[12px]" : ""}`}>{children}</dd>
    </div>
  );
}

function CertificateDetails({ c, depth, trusted }: { c: TlsCertificate; depth: number; trusted?: boolean | null }) {
  const san = [...c.sanDns, ...c.sanIps];
  return (
    <details className="group/cert rounded-lg border border-slate-200 bg-white" data-testid="certificate" data-fingerprint={c.fingerprint}>
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 gap-y-1 rounded-lg px-3 py-2 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <svg viewBox="0 0 20 20" className="h-3.5 w-3.5 shrink-0 text-slate-400 transition-transform group-open/cert:rotate-90" aria-hidden="true">
          <path d="m8 5 5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="text-[11px] font-medium text-slate-400 tabular-nums">{depth === 0 ? "leaf" : `#${depth}`}</span>
        <span className="min-w-0 font-medium text-slate-900 [overflow-wrap:anywhere]">{c.subjectCN ?? c.subject}</span>
        <span className="text-xs text-slate-500">{keyLabel(c)}</span>
        <span className="flex flex-wrap gap-1">
          <CertTags c={c} trusted={trusted} />
        </span>
      </summary>
      <div className="border-t border-slate-100 px-3 pt-1 pb-3">
        <dl className="divide-y divide-slate-100">
          <Field label="Subject">{c.subject}</Field>
          <Field label="Issuer">{c.issuer}</Field>
          <Field label="SAN">{san.length > 0 ? san.join(", ") : <span className="text-slate-400">none (names come from the CN)</span>}</Field>
          <Field label="Valid">
            <span className="tabular-nums">
              {formatUtc(c.notBefore)} → {formatUtc(c.notAfter)}
            </span>
            <span className="block text-xs text-slate-500">
              {c.expired ? "expired" : c.notYetValid ? "not yet valid" : c.expiresWithin30Days ? "expires within 30 days" : "valid"} at {formatUtc(c.judgedAt)}
              {c.sources.includes("capture") ? " (capture time)" : ""}
            </span>
          </Field>
          <Field label="Key">{keyLabel(c)}{c.curve ? ` (${c.curve})` : ""}</Field>
          <Field label="Signature">{c.signatureAlgorithm}</Field>
          <Field label="Self-signed / CA">
            {c.selfSigned ? "self-signed" : "issued by another certificate"} · {c.isCA ? "CA certificate" : "not a CA"}
          </Field>
          <Field label="Trust store">{c.inTrustStore === null ? "no trust store in the bundle" : c.inTrustStore ? "it or its issuer is in ca_*.pem" : "neither it nor its issuer is in ca_*.pem"}</Field>
          <Field label="Serial" mono>{c.serialNumber}</Field>
          {c.subjectKeyId && <Field label="Subject key ID" mono>{c.subjectKeyId}</Field>}
          {c.authorityKeyId && <Field label="Authority key ID" mono>{c.authorityKeyId}</Field>}
          <Field label="SHA-256" mono>{c.fingerprint}</Field>
        </dl>
        <a href={pemHref(c.pem)} download={pemFileName(c)} className="btn-secondary mt-2 px-2.5 py-1 text-xs" data-testid="pem-download">
          Download PEM
        </a>
      </div>
    </details>
  );
}

function ChainView({ chain, certs }: { chain: TlsChain; certs: Map<string, TlsCertificate> }) {
  const list = chain.fingerprints.map((fp) => certs.get(fp));
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <span className="font-medium text-slate-700">Chain as sent</span>
        <span>
          {chain.fingerprints.length} certificate{chain.fingerprints.length === 1 ? "" : "s"} · {chain.sessions} session{chain.sessions === 1 ? "" : "s"}
        </span>
        {chain.complete ? (
          <Tag tone="slate">{chain.endsWithRoot ? "complete, ends with a root" : "in order; root not sent"}</Tag>
        ) : (
          <Tag tone="amber" title={chain.problem ?? undefined}>
            incomplete
          </Tag>
        )}
        {chain.trusted === true && <Tag tone="green">anchored in the trust store{chain.trustAnchor ? `: ${chain.trustAnchor.replace(/^.*CN=/, "")}` : ""}</Tag>}
        {chain.trusted === false && <Tag tone="red">not anchored in the trust store</Tag>}
      </p>
      {chain.problem && <p className="text-xs text-amber-800">{chain.problem}</p>}
      {chain.names.length > 0 && (
        <ul className="flex flex-wrap gap-1.5 text-xs">
          {chain.names.map((n) => (
            <li key={`${n.kind}-${n.name}`}>
              <Tag tone={n.covered ? "green" : "red"}>
                {n.kind === "sni" ? "SNI" : "address"} {n.name}: {n.covered ? "covered" : "not in certificate"}
              </Tag>
            </li>
          ))}
        </ul>
      )}
      <ol className="space-y-1.5">
        {list.map((c, i) =>
          c ? (
            <li key={c.fingerprint}>
              <CertificateDetails c={c} depth={i} trusted={i === 0 ? chain.trusted : undefined} />
            </li>
          ) : (
            <li key={chain.fingerprints[i]} className="text-xs text-slate-500">
              certificate {i + 1} not listed (over the limit)
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

function Sessions({ server, certs }: { server: TlsServer; certs: Map<string, TlsCertificate> }) {
  return (
    <div>
      <h5 className="eyebrow mb-1.5">
        Sessions {server.samples.length < server.sessions ? `(${server.samples.length} distinct of ${server.sessions})` : `(${server.sessions})`}
      </h5>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-xs" data-testid="tls-sessions">
        {server.samples.map((s, i) => (
          <li key={i} className="grid gap-x-4 gap-y-1 px-3 py-2 sm:grid-cols-[minmax(0,13rem)_minmax(0,1fr)]">
            <div className="min-w-0 font-mono text-[12px] text-slate-700 [overflow-wrap:anywhere]">
              {s.client.ip}:{s.client.port} → {server.ip}:{server.port}
              <div className="font-sans text-slate-500 tabular-nums">{formatUtc(s.firstPacketTime)}</div>
            </div>
            <div className="min-w-0 space-y-0.5 text-slate-700 [overflow-wrap:anywhere]">
              <div className="flex flex-wrap gap-x-3 gap-y-0.5">
                <span>{s.version ?? "no ServerHello"}</span>
                {s.cipherSuite && <span className="font-mono text-[11px] text-slate-600">{s.cipherSuite}</span>}
                {s.sni ? <span>SNI {s.sni}</span> : <span className="text-slate-500">no SNI</span>}
                {s.chain[0] && <span>presented {certs.get(s.chain[0])?.subjectCN ?? "certificate"}</span>}
              </div>
              {s.alerts.map((a, j) => (
                <div key={j} className="text-red-700">
                  {a.from} sent {a.level} alert {a.description}
                </div>
              ))}
              {s.notes.map((n, j) => (
                <div key={j} className="text-slate-500">
                  {n}
                </div>
              ))}
              <div className="text-slate-400 [overflow-wrap:anywhere]">{s.captureFile}</div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ServerRow({ server, certs }: { server: TlsServer; certs: Map<string, TlsCertificate> }) {
  const chain = server.chains[0];
  const leaf = chain ? certs.get(chain.fingerprints[0]) : undefined;
  const uncovered = server.chains.some((c) => c.names.some((n) => !n.covered));
  return (
    <li>
      <details className="group" data-testid="certificate-row" data-server={`${server.ip}:${server.port}`}>
        <summary className="flex cursor-pointer list-none gap-3 px-4 py-3 select-none hover:bg-slate-50 sm:px-5 [&::-webkit-details-marker]:hidden">
          <Chevron />
          <div className="grid min-w-0 flex-1 gap-x-6 gap-y-1 md:grid-cols-[minmax(0,15rem)_minmax(0,1fr)_auto]">
            <div className="min-w-0">
              <div className="font-mono text-[13px] font-medium text-slate-900 [overflow-wrap:anywhere]">
                {server.ip}:{server.port}
              </div>
              <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                {server.service && <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700">{server.service}</span>}
                {server.sni[0] && <span className="[overflow-wrap:anywhere]">SNI {server.sni.map((s) => s.name).join(", ")}</span>}
                {server.isExpressway && <span>this Expressway</span>}
              </div>
            </div>
            <div className="min-w-0">
              {leaf ? (
                <>
                  <div className="text-sm font-medium text-slate-900 [overflow-wrap:anywhere]">{leaf.subjectCN ?? leaf.subject}</div>
                  <div className="text-xs text-slate-500 [overflow-wrap:anywhere]">
                    {keyLabel(leaf)} · {leaf.selfSigned ? "self-signed" : `issued by ${leaf.issuerCN ?? leaf.issuer}`}
                    {chain.fingerprints.length > 1 && ` · chain of ${chain.fingerprints.length}`}
                  </div>
                </>
              ) : (
                <div className="text-sm text-slate-600">
                  {server.visibility.tls13 > 0 ? "certificate not visible: TLS 1.3" : server.visibility.resumed > 0 ? "resumed sessions: no certificate sent" : "no certificate in the capture"}
                </div>
              )}
              <div className="mt-1 flex flex-wrap gap-1">
                {leaf && <CertTags c={leaf} trusted={chain.trusted} />}
                {uncovered && <Tag tone="red">Name not in certificate</Tag>}
                {server.chains.length > 1 && <Tag tone="amber">{server.chains.length} different chains</Tag>}
                {server.visibility.tls13 > 0 && <Tag tone="violet">TLS 1.3</Tag>}
                {server.alerts.map((a) => (
                  <Tag key={`${a.from}-${a.description}`} tone="red">
                    {a.from} alert {a.description.replace(/\(\d+\)$/, "")}
                  </Tag>
                ))}
              </div>
            </div>
            <div className="text-xs text-slate-500 tabular-nums md:text-right">
              <span className="font-semibold text-slate-800">{server.sessions.toLocaleString("en-US")}</span> session{server.sessions === 1 ? "" : "s"}
              <div>{server.versions.map((v) => v.name).join(", ")}</div>
            </div>
          </div>
        </summary>
        <div className="space-y-4 border-t border-slate-100 bg-slate-50/60 px-4 py-4 sm:px-5 sm:pl-12">
          {server.chains.map((c) => (
            <ChainView key={c.fingerprints.join(",")} chain={c} certs={certs} />
          ))}
          <Sessions server={server} certs={certs} />
        </div>
      </details>
    </li>
  );
}

function TrustStore({ tls, certs }: { tls: TlsDetails; certs: Map<string, TlsCertificate> }) {
  const ts = tls.trustStore;
  const own = tls.serverCertificate.map((fp) => certs.get(fp)).filter((c): c is TlsCertificate => c !== undefined);
  if (!ts && own.length === 0) return null;
  return (
    <div className="grid gap-4 border-t border-slate-100 px-4 py-4 sm:px-5 md:grid-cols-2">
      {ts && (
        <details className="group min-w-0" data-testid="trust-store">
          <summary className="flex cursor-pointer list-none items-start gap-2 select-none [&::-webkit-details-marker]:hidden">
            <Chevron />
            <span className="text-sm text-slate-700">
              <span className="font-medium text-slate-900">Trust store</span> · {ts.count} CA certificate{ts.count === 1 ? "" : "s"}
              {ts.certificates.some((c) => c.expired) && <span className="text-red-700"> · {ts.certificates.filter((c) => c.expired).length} expired</span>}
            </span>
          </summary>
          <ul className="mt-2 space-y-1 pl-6 text-xs">
            {ts.certificates.map((c) => (
              <li key={c.fingerprint} className="flex flex-wrap gap-x-2 [overflow-wrap:anywhere]">
                <span className="font-medium text-slate-800">{c.subjectCN ?? c.subject}</span>
                <span className={c.expired ? "text-red-700" : "text-slate-500"}>
                  {c.expired ? "expired" : "until"} {c.notAfter.slice(0, 10)}
                </span>
              </li>
            ))}
            {ts.count > ts.certificates.length && <li className="text-slate-500">{ts.count - ts.certificates.length} more not listed</li>}
          </ul>
        </details>
      )}
      {own.length > 0 && (
        <div className="min-w-0 space-y-1.5">
          <p className="text-sm font-medium text-slate-900">This Expressway&apos;s certificate</p>
          {own.map((c, i) => (
            <CertificateDetails key={c.fingerprint} c={c} depth={i} trusted={null} />
          ))}
        </div>
      )}
    </div>
  );
}

export function CertificatesPanel({ tls }: { tls: TlsDetails }) {
  const certs = new Map(tls.certificates.map((c) => [c.fingerprint, c]));
  const captures = tls.captures.length;
  return (
    <section className="card overflow-hidden" aria-labelledby="certificates-title" data-testid="certificates-panel">
      <header className="flex flex-col gap-1 px-4 pt-4 pb-3 sm:px-5">
        <h2 id="certificates-title" className="text-base font-semibold text-slate-900">
          Certificates presented in the packet captures
        </h2>
        <p className="text-xs text-slate-500">
          {captures === 0
            ? "No packet capture in this bundle: tick “Take tcpdump while logging” under Maintenance > Diagnostics > Diagnostic logging to see what servers present."
            : `${tls.sessionCount.toLocaleString("en-US")} TLS session${tls.sessionCount === 1 ? "" : "s"} in ${captures} capture${captures === 1 ? "" : "s"} · ${tls.servers.length + tls.serversOmitted} server port${tls.servers.length + tls.serversOmitted === 1 ? "" : "s"}`}
        </p>
      </header>
      {tls.notes.length > 0 && (
        <details className="mx-4 mb-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:mx-5">
          <summary className="flex cursor-pointer list-none items-center gap-2 select-none [&::-webkit-details-marker]:hidden">
            <AlertIcon className="h-4 w-4 shrink-0 text-amber-600" />
            {tls.notes.length} note{tls.notes.length === 1 ? "" : "s"} on what could not be read
          </summary>
          <ul className="mt-1.5 list-disc space-y-1 pl-6 text-xs marker:text-amber-400">
            {tls.notes.map((n, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {n}
              </li>
            ))}
          </ul>
        </details>
      )}
      {tls.servers.length > 0 && (
        <ul className="divide-y divide-slate-100 border-t border-slate-100">
          {tls.servers.map((s) => (
            <ServerRow key={`${s.ip}:${s.port}`} server={s} certs={certs} />
          ))}
        </ul>
      )}
      {tls.serversOmitted > 0 && <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-500">{tls.serversOmitted} more server ports not listed.</p>}
      <TrustStore tls={tls} certs={certs} />
    </section>
  );
}
