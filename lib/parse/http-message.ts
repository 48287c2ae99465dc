// The first line of an HTTP message inside an HTTPMSG block: a request line
// (`GET /cucm-uds/user/alice/devices HTTP/1.1`) or a status line (`HTTP/1.1 502 connect failed`).
// Tolerant of surrounding spaces; knows nothing of what the message means.

export type RequestLine = { method: string; target: string };
export type StatusLine = { status: number; reason: string | null };

/** "GET <target> HTTP/1.1" (the version may be missing) -> method and target, else null. */
export function parseRequestLine(text: string): RequestLine | null {
  const line = text.trim();
  const sp = line.indexOf(" ");
  if (sp <= 0) return null;
  const sp2 = line.indexOf(" ", sp + 1);
  const target = sp2 === -1 ? line.slice(sp + 1) : line.slice(sp + 1, sp2);
  return target ? { method: line.slice(0, sp), target } : null;
}

/** "HTTP/1.1 502 connect failed" -> 502 and "connect failed" (null when there is no phrase), else null. */
export function parseStatusLine(text: string): StatusLine | null {
  const line = text.trim();
  if (!line.startsWith("HTTP/")) return null;
  const sp = line.indexOf(" ");
  if (sp === -1) return null;
  const code = line.slice(sp + 1, sp + 4);
  if (!/^\d{3}$/.test(code)) return null;
  const reason = line.slice(sp + 4).trim();
  return { status: Number(code), reason: reason || null };
}
