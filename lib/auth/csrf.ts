// CSRF protection for cookie-authenticated changes: the browser says where a request comes from
// (Origin, or Sec-Fetch-Site on browsers that send it), and only our own origin may change things.
// SameSite=Lax cookies already keep most cross-site POSTs anonymous; this closes the rest (same-site
// subdomains, old browsers).
import { ApiError } from "@/lib/http/api-error";
import { requestOrigin } from "@/lib/http/request-origin";

export function checkSameOrigin(request: Request) {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw forbidden();
  const origin = request.headers.get("origin");
  if (origin) {
    if (origin !== requestOrigin(request.headers, request.url)) throw forbidden();
    return;
  }
  // No Origin (some older browsers on same-origin requests): fall back to the Referer, and refuse when
  // neither says where the request came from.
  const referer = request.headers.get("referer");
  if (!referer) throw forbidden();
  try {
    if (new URL(referer).origin !== requestOrigin(request.headers, request.url)) throw forbidden();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw forbidden();
  }
}

const forbidden = () =>
  new ApiError(403, "cross_site_request", "This change must come from the portal's own pages (or use an API token).");
