// What every share-link route answers alike: the same 404 for a link that is unknown, revoked or
// expired (it never says which, nor what it showed), and responses that are neither cached nor sent on
// as a referrer (the token is in the URL).
import { ApiError } from "@/lib/http/api-error";

export const SHARED_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

export const sharedNotFound = () => new ApiError(404, "not_found", "This link does not exist, has expired or was revoked.");
