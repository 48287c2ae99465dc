// Streaming packet-capture analysis: which TLS certificates servers presented, per connection.
// See capture-reader.ts for the entry point and certificate.ts for certificate details.
export { createCaptureReader, type CaptureReader, type CaptureReaderOptions } from "./capture-reader";
export { DEFAULT_CAPTURE_LIMITS, resolveCaptureLimits, type CaptureLimits } from "./limits";
export {
  chainComplete,
  describeCertificate,
  issuerInTrustStore,
  nameMatches,
  parsePemCertificates,
  toX509,
  type CertificateDetails,
  type CertificateInput,
  type ChainCheck,
  type TrustCheck,
} from "./certificate";
export { isCaptureFileName } from "./capture-file-name";
export type * from "./types";
