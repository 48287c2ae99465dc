// The Expressway's own server certificate uses a weak key (RSA below 2048 bits, EC below 256) or a
// SHA-1 / MD5 signature: current Jabber, Webex and browser clients, and Unified CM in its stricter
// modes, refuse it, and the Expressway's own FIPS / TLS settings may too.
import type { Facts } from "@/lib/facts/facts";
import { CERTIFICATE_GUIDE, certificateLabel, missingServerCertificate, serverCertificates } from "@/lib/signatures/own-certificate-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

export const serverCertificateWeakCrypto = defineSignature(
  {
    id: "server-certificate-weak-crypto",
    version: 1,
    defects: [],
    title: "The Expressway's server certificate has a weak key or a SHA-1 signature",
    severity: "medium",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    reads: ["tls"],
    area: "Certificates (own)",
    summary: "Reads server_<host>_<stamp>.pem: an RSA key below 2048 bits, an EC key below 256 bits, or a SHA-1 / MD5 signature is refused by current clients and browsers.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["server_<host>_<stamp>.pem"],
    references: [CERTIFICATE_GUIDE],
  },
  evaluate,
);

function weakness(c: { keyType: string; keyBits: number | null; signatureAlgorithm: string; isCA: boolean; selfSigned: boolean }): string[] {
  const out: string[] = [];
  if (/^RSA/.test(c.keyType) && c.keyBits !== null && c.keyBits < 2048) out.push(`${c.keyBits}-bit RSA key`);
  if (c.keyType === "EC" && c.keyBits !== null && c.keyBits < 256) out.push(`${c.keyBits}-bit EC key`);
  // A self-signed root's own signature is not checked by clients; every other one is.
  if (!(c.isCA && c.selfSigned) && /sha1|md5|md2/i.test(c.signatureAlgorithm)) out.push(`${c.signatureAlgorithm} signature`);
  return out;
}

function evaluate(facts: Pick<Facts, "tls">): SignatureEvaluation {
  const certs = serverCertificates(facts);
  if (certs.length === 0) return missingServerCertificate("its key and signature");
  const weak = certs.map((c) => ({ c, w: weakness(c) })).filter((x) => x.w.length > 0);
  if (weak.length > 0) {
    return {
      outcome: "issue",
      description: `The server certificate file carries weak cryptography: ${weak.map((x) => `${certificateLabel(x.c)}: ${x.w.join(", ")}`).join("; ")}. Current Jabber / Webex clients, browsers and Unified CM refuse SHA-1 signatures and keys below 2048 bits, so TLS to this Expressway fails or warns.`,
      condition: "RSA key < 2048 bits, EC key < 256 bits, or a SHA-1 / MD5 signature on a certificate of server_*.pem (a self-signed root's own signature excepted).",
      furtherInformation: "Expressway generates CSRs with a 2048-bit (or 4096-bit) key and SHA-256 by default; a weak certificate was usually made outside it or signed by an old CA template.",
      action: "Maintenance > Security > Server certificate > Generate CSR with key length 2048 or more and digest SHA-256, have the CA sign it with SHA-256 (check the CA template), upload it and restart; renew an intermediate CA that signs with SHA-1.",
      affected: weak.map((x) => ({ host: x.c.subjectCN, ip: null, port: null, service: "server certificate", reason: x.w.join(", "), count: 1, firstSeen: null, lastSeen: null })),
    };
  }
  return {
    outcome: "ok",
    description: `The server certificate file's ${certs.length === 1 ? "certificate uses" : `${certs.length} certificates use`} ${[...new Set(certs.map((c) => `${c.keyType}${c.keyBits ? ` ${c.keyBits}` : ""}`))].join(", ")} keys and ${[...new Set(certs.map((c) => c.signatureAlgorithm))].join(", ")} signatures.`,
    condition: "Keys of at least 2048 (RSA) / 256 (EC) bits, no SHA-1 or MD5 signature.",
    furtherInformation: "",
    action: "No action needed.",
  };
}
