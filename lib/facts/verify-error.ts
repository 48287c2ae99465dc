// OpenSSL's certificate verify errors as the traffic server logs them. OpenSSL 1.1 and 3
// spell some differently ("self signed" / "self-signed"); both map to one kind.

export type VerifyErrorKind =
  | "self_signed"
  | "self_signed_in_chain"
  | "unknown_issuer"
  | "expired"
  | "not_yet_valid"
  | "other";

export function classifyVerifyError(error: string | null): VerifyErrorKind {
  if (!error) return "other";
  const e = error.toLowerCase().replace(/-/g, " ");
  if (e.includes("self signed certificate in certificate chain")) return "self_signed_in_chain";
  if (e.includes("self signed certificate")) return "self_signed";
  if (e.includes("unable to get local issuer") || e.includes("unable to get issuer") || e.includes("unable to verify the first certificate")) {
    return "unknown_issuer";
  }
  if (e.includes("certificate has expired")) return "expired";
  if (e.includes("certificate is not yet valid")) return "not_yet_valid";
  return "other";
}

/** "certificate verify failed" in OpenSSL 1.1 (1416F086) and 3 (0A000086). */
export const CERTIFICATE_VERIFY_FAILED_CODES = ["1416F086", "0A000086"] as const;
