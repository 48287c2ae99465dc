// Address text without allocating intermediate arrays: dotted quad, RFC 5952 compressed IPv6.

export function ipv4Text(b: Buffer, o: number): string {
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

export function ipv6Text(b: Buffer, o: number): string {
  // Longest run of zero groups (at least two) becomes "::".
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (b.readUInt16BE(o + i * 2) !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && b.readUInt16BE(o + j * 2) === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  // IPv4-mapped addresses read better in their usual form.
  if (bestAt === 0 && bestLen === 5 && b.readUInt16BE(o + 10) === 0xffff) return `::ffff:${ipv4Text(b, o + 12)}`;
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (i === bestAt) {
      out += "::";
      i += bestLen - 1;
      continue;
    }
    if (out.length > 0 && !out.endsWith(":")) out += ":";
    out += b.readUInt16BE(o + i * 2).toString(16);
  }
  return out;
}
