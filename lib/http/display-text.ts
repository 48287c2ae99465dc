// Text that arrives in headers and is shown to people (an upload's file name). HTTP headers carry bytes:
// Node hands them over one character per byte (Latin-1), so raw UTF-8 from curl shows up as "zÃ¼rich".
// And Unicode has characters that change how text around them is displayed: a right-to-left override
// turns "report_\u202Egpj.tar.gz" into something that reads as a different name.

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Header text as the sender meant it: its bytes read as UTF-8 where they are valid UTF-8, else as sent. */
export function decodeHeaderText(raw: string): string {
  // Only a string of byte-sized characters with some above ASCII can be UTF-8 read as Latin-1.
  if (!/[\u0080-\u00ff]/.test(raw) || /[^\u0000-\u00ff]/.test(raw)) return raw;
  try {
    return UTF8.decode(Uint8Array.from(raw, (c) => c.charCodeAt(0)));
  } catch {
    return raw;
  }
}

/**
 * Removes what can disguise text on screen: bidirectional controls (embeddings, overrides, isolates,
 * marks), zero-width characters, and C0/C1 control characters.
 */
export function removeDisguises(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "");
}
