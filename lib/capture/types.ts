// Public shapes of the capture analysis: what one capture file yields. Plain data only (plus DER
// buffers), so a summary can be stored as JSON after mapping buffers to base64.

export type CaptureFormat = "pcap" | "pcapng" | "unknown";

export interface Endpoint {
  ip: string;
  port: number;
}

export type AlertLevel = "warning" | "fatal" | `unknown(${number})`;

export interface TlsAlert {
  from: "client" | "server";
  level: AlertLevel;
  /** e.g. "unknown_ca(48)" */
  description: string;
  code: number;
  time: string;
}

/**
 * Whether the server's certificate could be read from this connection:
 * - "visible": a TLS <= 1.2 Certificate message was read (see `certificates`)
 * - "tls13": TLS 1.3 encrypts it
 * - "resumed": an abbreviated (session-resumption) handshake sends none
 * - "not-seen": the handshake never got that far in this capture (no reply, alert, gap, cut off)
 */
export type CertificateVisibility = "visible" | "tls13" | "resumed" | "not-seen";

export interface TlsSessionReport {
  captureFile: string;
  client: Endpoint;
  server: Endpoint;
  sni?: string;
  /** versions the client offered, newest first, e.g. ["TLS 1.3", "TLS 1.2"] */
  offeredVersions: string[];
  /** negotiated version, e.g. "TLS 1.2" (absent when no ServerHello was seen) */
  version?: string;
  /** IANA name such as "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", or "0xC0FF" when unknown */
  cipherSuite?: string;
  alpnOffered: string[];
  /** the protocol the server chose; TLS 1.3 hides it (encrypted extensions) */
  alpn?: string;
  certificateVisibility: CertificateVisibility;
  /** the server's chain as sent (leaf first), DER; empty unless visibility is "visible" */
  certificates: Buffer[];
  /** a client certificate chain (mutual TLS, TLS <= 1.2 only) */
  clientCertificates: Buffer[];
  alerts: TlsAlert[];
  /** the connection switched to TLS after some plaintext (XMPP/SMTP STARTTLS) */
  startTls: boolean;
  firstPacketTime: string;
  lastPacketTime: string;
  /** plain-language caveats: "certificate not visible: TLS 1.3", missing bytes, ... */
  notes: string[];
}

export interface CaptureStats {
  /** records read (packets or pcapng packet blocks) */
  packets: number;
  tcpPackets: number;
  /** TCP connections tracked */
  flows: number;
  /** bytes the reader currently holds back waiting for the rest of a record */
  queuedBytes: number;
  /** bytes held for reassembly and TLS parsing right now, and the most ever held */
  bufferedBytes: number;
  peakBufferedBytes: number;
  /** flows in the table right now, and the most ever */
  openFlows: number;
  peakOpenFlows: number;
}

export interface CaptureSummary {
  fileName: string;
  format: CaptureFormat;
  byteOrder?: "little" | "big";
  /** link types seen (interfaces for pcapng), e.g. [1] for Ethernet */
  linkTypes: number[];
  firstPacketTime?: string;
  lastPacketTime?: string;
  /** false when the reader stopped before the end of the data (garbage, absurd lengths) */
  readToEnd: boolean;
  tlsSessions: TlsSessionReport[];
  stats: CaptureStats;
  notes: string[];
}
