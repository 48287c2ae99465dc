// The pages' calls to our own API: JSON in, JSON out, and the server's `{ error: { message } }` as the
// thrown Error's message. Same-origin fetches carry the Origin header the CSRF check looks for.
export async function apiFetch<T = unknown>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { accept: "application/json", ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    cache: "no-store",
    credentials: "same-origin",
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  if (!res.ok) {
    // better-auth answers { message, code }; our routes { error: { code, message } }
    const message = body?.error?.message ?? body?.message ?? `The server answered ${res.status}.`;
    throw new Error(message);
  }
  return body as T;
}
