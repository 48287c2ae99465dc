// The `tls` details view: what the bundle's packet captures show about TLS servers (one entry per
// server:port with its chains and a few sample sessions), every certificate seen once (with PEM),
// and the trust store summary. Bounded: counts stand in for what is not listed.
import { z } from "zod";

/** How many of each list are kept; the counts say how many more there were. */
export const TLS_DETAIL_LIMITS = Object.freeze({
  servers: 200,
  samplesPerServer: 5,
  chainsPerServer: 8,
  certificates: 150,
  trustStore: 300,
  captures: 100,
  notes: 60,
  namesPerServer: 10,
});

export const CERTIFICATE_SOURCES = ["capture", "trust_store", "server_pem"] as const;

export const tlsCertificateSchema = z.object({
  /** SHA-256 of the DER, "AB:CD:…"; the key other lists refer to */
  fingerprint: z.string(),
  subject: z.string(),
  subjectCN: z.string().nullable(),
  issuer: z.string(),
  issuerCN: z.string().nullable(),
  serialNumber: z.string(),
  sanDns: z.array(z.string()),
  sanIps: z.array(z.string()),
  notBefore: z.string(),
  notAfter: z.string(),
  /** the moment validity was judged against: the last capture packet that carried it, else the analysis time */
  judgedAt: z.string(),
  expired: z.boolean(),
  notYetValid: z.boolean(),
  expiresWithin30Days: z.boolean(),
  /** "RSA", "EC", … */
  keyType: z.string(),
  keyBits: z.number().int().nullable(),
  /** EC curve, e.g. "prime256v1" */
  curve: z.string().nullable(),
  signatureAlgorithm: z.string(),
  selfSigned: z.boolean(),
  isCA: z.boolean(),
  subjectKeyId: z.string().nullable(),
  authorityKeyId: z.string().nullable(),
  /** null when the bundle has no trust store (ca_*.pem) */
  inTrustStore: z.boolean().nullable(),
  /** where the bundle showed it */
  sources: z.array(z.enum(CERTIFICATE_SOURCES)),
  pem: z.string(),
});
export type TlsCertificate = z.infer<typeof tlsCertificateSchema>;

export const endpointSchema = z.object({ ip: z.string(), port: z.number().int() });

export const tlsAlertSchema = z.object({
  from: z.enum(["client", "server"]),
  level: z.string(),
  /** e.g. "unknown_ca(48)" */
  description: z.string(),
});

export const CERTIFICATE_VISIBILITY = ["visible", "tls13", "resumed", "not-seen"] as const;

export const tlsSessionSampleSchema = z.object({
  captureFile: z.string(),
  client: endpointSchema,
  sni: z.string().nullable(),
  version: z.string().nullable(),
  cipherSuite: z.string().nullable(),
  offeredVersions: z.array(z.string()),
  alpn: z.string().nullable(),
  certificateVisibility: z.enum(CERTIFICATE_VISIBILITY),
  /** fingerprints of the chain as sent, leaf first */
  chain: z.array(z.string()),
  alerts: z.array(tlsAlertSchema.extend({ time: z.string() })),
  startTls: z.boolean(),
  firstPacketTime: z.string(),
  lastPacketTime: z.string(),
  notes: z.array(z.string()),
});
export type TlsSessionSample = z.infer<typeof tlsSessionSampleSchema>;

export const nameCheckSchema = z.object({
  /** the SNI the client asked for, or the address it connected to when it sent none */
  name: z.string(),
  kind: z.enum(["sni", "address"]),
  covered: z.boolean(),
});

export const tlsChainSchema = z.object({
  fingerprints: z.array(z.string()),
  sessions: z.number().int().nonnegative(),
  /** each certificate signed by the next as sent */
  complete: z.boolean(),
  /** ends with a self-signed root (otherwise the root was not sent, which is normal) */
  endsWithRoot: z.boolean(),
  problem: z.string().nullable(),
  /** anchored in the bundle's trust store; null when the bundle has none */
  trusted: z.boolean().nullable(),
  trustAnchor: z.string().nullable(),
  names: z.array(nameCheckSchema),
});
export type TlsChain = z.infer<typeof tlsChainSchema>;

const countedSchema = z.object({ name: z.string(), count: z.number().int().nonnegative() });

export const tlsServerSchema = z.object({
  ip: z.string(),
  port: z.number().int(),
  service: z.string().nullable(),
  sessions: z.number().int().nonnegative(),
  /** SNI values clients sent, most frequent first */
  sni: z.array(countedSchema),
  versions: z.array(countedSchema),
  ciphers: z.array(countedSchema),
  visibility: z.object({ visible: z.number().int(), tls13: z.number().int(), resumed: z.number().int(), notSeen: z.number().int() }),
  chains: z.array(tlsChainSchema),
  alerts: z.array(tlsAlertSchema.extend({ count: z.number().int() })),
  /** this server presented the Expressway's own certificate (server_*.pem): the Expressway itself */
  isExpressway: z.boolean(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  samples: z.array(tlsSessionSampleSchema),
});
export type TlsServer = z.infer<typeof tlsServerSchema>;

export const captureFileSummarySchema = z.object({
  fileName: z.string(),
  format: z.string(),
  linkTypes: z.array(z.string()),
  packets: z.number().int().nonnegative(),
  tlsSessions: z.number().int().nonnegative(),
  readToEnd: z.boolean(),
  firstPacketTime: z.string().nullable(),
  lastPacketTime: z.string().nullable(),
});

export const trustStoreEntrySchema = z.object({
  fingerprint: z.string(),
  subject: z.string(),
  subjectCN: z.string().nullable(),
  issuerCN: z.string().nullable(),
  notAfter: z.string(),
  expired: z.boolean(),
  selfSigned: z.boolean(),
});

export const tlsDetailsSchema = z.object({
  captures: z.array(captureFileSummarySchema),
  sessionCount: z.number().int().nonnegative(),
  servers: z.array(tlsServerSchema),
  /** servers seen but not listed (over the cap) */
  serversOmitted: z.number().int().nonnegative(),
  certificates: z.array(tlsCertificateSchema),
  certificatesOmitted: z.number().int().nonnegative(),
  trustStore: z
    .object({
      files: z.array(z.string()),
      count: z.number().int().nonnegative(),
      certificates: z.array(trustStoreEntrySchema),
    })
    .nullable(),
  /** fingerprints of the Expressway's own certificate chain (server_*.pem) */
  serverCertificate: z.array(z.string()),
  /** what could not be read, said plainly */
  notes: z.array(z.string()),
});
export type TlsDetails = z.infer<typeof tlsDetailsSchema>;

/**
 * What the CSCwc69661 card (and others) say about the certificate a node presented on a port,
 * next to the affected entry. Fields are null when the certificate was not visible.
 */
export const presentedCertificateSchema = z.object({
  /** one sentence, e.g. "6972 presented a self-signed EC P-256 certificate, CN cucm-EC.steven.lab, not in the trust store" */
  summary: z.string(),
  fingerprint: z.string().nullable(),
  subjectCN: z.string().nullable(),
  issuerCN: z.string().nullable(),
  keyType: z.string().nullable(),
  curve: z.string().nullable(),
  keyBits: z.number().int().nullable(),
  selfSigned: z.boolean().nullable(),
  inTrustStore: z.boolean().nullable(),
  sanDns: z.array(z.string()),
  sanIps: z.array(z.string()),
  notAfter: z.string().nullable(),
  expired: z.boolean().nullable(),
  /** negotiated TLS version, e.g. "TLS 1.3" */
  version: z.string().nullable(),
  sessions: z.number().int().nonnegative(),
});
export type PresentedCertificate = z.infer<typeof presentedCertificateSchema>;

/** "EC P-256" / "RSA 2048": the key as engineers say it. */
export function keyLabel(c: Pick<TlsCertificate, "keyType" | "keyBits" | "curve">): string {
  if (c.keyType === "EC") {
    const curve = c.curve === "prime256v1" ? "P-256" : c.curve === "secp384r1" ? "P-384" : c.curve === "secp521r1" ? "P-521" : c.curve;
    return curve ? `ECDSA ${curve}` : "ECDSA";
  }
  return c.keyBits ? `${c.keyType} ${c.keyBits}` : c.keyType;
}
