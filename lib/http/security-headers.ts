// What every answer tells the browser about itself. server.ts sets these on every response (pages, API,
// static files, errors); proxy.ts replaces the Content-Security-Policy of pages with one that carries a
// fresh nonce for Next's inline scripts. Framing is refused everywhere (share pages and the sign-in page
// must not be shown inside another site), and the referrer never leaves the portal (share links carry
// their token in the path).

/** CSP for anything that is not a page: JSON, static files, downloads. Nothing in it may run or be framed. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * CSP for pages. Scripts run only with this answer's nonce ('strict-dynamic' lets the scripts Next loads
 * load theirs); no 'unsafe-eval' outside development (React uses eval there for its error overlay).
 * Styles allow inline because React renders style attributes (progress bars, widths), which nonces cannot
 * cover; script is what an attacker wants, and script is locked.
 */
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce per answer: 128 bits from the CSPRNG. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The headers set on every answer; HSTS only when the portal is reached over HTTPS. */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": NON_PAGE_CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
