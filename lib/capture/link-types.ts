// Names of the link types this reader understands (and a few it meets and skips), for notes.

const NAMES: Record<number, string> = {
  0: "BSD loopback (0)",
  1: "Ethernet (1)",
  12: "raw IP (12)",
  14: "raw IP (14)",
  101: "raw IP (101)",
  105: "IEEE 802.11 (105)",
  108: "OpenBSD loopback (108)",
  113: "Linux cooked (113)",
  127: "802.11 radiotap (127)",
  228: "raw IPv4 (228)",
  229: "raw IPv6 (229)",
  276: "Linux cooked v2 (276)",
};

export function linkTypeName(linkType: number): string {
  return NAMES[linkType] ?? `${linkType}`;
}
