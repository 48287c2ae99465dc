// The tar codec and scanner over arbitrary chunking: names (ustar prefix, GNU long names, pax
// paths), sizes, data slices, the end marker, and what counts as corrupt or cut off.
// Run: node --import tsx --test lib/bundle/tar-scan.test.ts
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TarHeaderError, decodePax, decodeTarHeader, readNumber } from "@/lib/bundle/tar-header";
import { TarScanner, type TarEvent } from "@/lib/bundle/tar-scan";
import { makeTar } from "@/tests/fixtures/build-bundle";

const enc = new TextEncoder();

type Spec = { name: string; data?: Uint8Array | string; type?: string; prefix?: string; magic?: "ustar" | "gnu" | "v7" };

/** One header block written by hand, so the fields tar-stream's packer never writes can be tested. */
function header(name: string, size: number, type: string, o: { prefix?: string; magic?: Spec["magic"] } = {}): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, at: number, len: number) => h.set(enc.encode(s).subarray(0, len), at);
  put(name, 0, 100);
  put("0000644\0", 100, 8);
  put("0000000\0", 108, 8);
  put("0000000\0", 116, 8);
  put(`${size.toString(8).padStart(11, "0")}\0`, 124, 12);
  put("14567336150\0", 136, 12);
  put(type, 156, 1);
  const magic = o.magic ?? "ustar";
  if (magic === "ustar") put("ustar\u000000", 257, 8);
  if (magic === "gnu") put("ustar  \0", 257, 8);
  if (o.prefix) put(o.prefix, 345, 155);
  let sum = 8 * 32;
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += h[i];
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
  return h;
}

function pad(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(b.length / 512) * 512);
  out.set(b);
  return out;
}

function handTar(entries: Spec[], { endMarker = true } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === "string" ? enc.encode(e.data) : (e.data ?? new Uint8Array(0));
    const type = e.type ?? "0";
    parts.push(header(e.name, data.length, type, e), pad(data));
  }
  if (endMarker) parts.push(new Uint8Array(1024));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Runs the scanner over the bytes in chunks of `size`; returns each member with its data. */
function scan(bytes: Uint8Array, size = bytes.length) {
  const s = new TarScanner();
  const members: { name: string; type: string; size: number; data: string }[] = [];
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const chunk = bytes.subarray(i, i + size);
    let at = 0;
    for (let e: TarEvent | null = s.next(chunk, at); e !== null; e = s.next(chunk, at)) {
      at = s.offset;
      if (e.type === "entry") members.push({ name: e.header.name, type: e.header.type, size: e.header.size, data: "" });
      else if (e.type === "data") pieces.push(e.bytes.slice());
      else {
        members[members.length - 1].data = Buffer.concat(pieces).toString("utf8");
        pieces.length = 0;
      }
    }
  }
  return { scanner: s, members };
}

const BUNDLE: Spec[] = [
  { name: "tmp/", type: "5" },
  { name: "tmp/loggingsnapshot_expc1_2024-03-05_09_12_40.txt", data: "2024-03-05T04:12:52.358-05:00 expc1 tvcs: x\n".repeat(40) },
  { name: "tmp/xconf_dump_expc1_2024-03-05_09_12_40.txt", data: "*c xConfiguration EdgeConfigServer VerifyOriginServer: On\n" },
  { name: "tmp/empty.txt", data: "" },
  { name: "tmp/link", type: "2" },
];

describe("tar scanner", () => {
  it("yields every member and its data whatever the chunking", () => {
    const tar = handTar(BUNDLE);
    const whole = scan(tar).members;
    assert.deepEqual(
      whole.map((m) => [m.name, m.type]),
      [
        ["tmp/", "directory"],
        ["tmp/loggingsnapshot_expc1_2024-03-05_09_12_40.txt", "file"],
        ["tmp/xconf_dump_expc1_2024-03-05_09_12_40.txt", "file"],
        ["tmp/empty.txt", "file"],
        ["tmp/link", "symlink"],
      ],
    );
    assert.equal(whole[1].data, BUNDLE[1].data);
    for (const size of [1, 7, 511, 512, 513, 4096]) {
      const { scanner, members } = scan(tar, size);
      assert.deepEqual(members, whole, `chunk ${size}`);
      assert.equal(scanner.done, true);
      assert.equal(scanner.midEntry, false);
      assert.equal(scanner.entries, BUNDLE.length);
    }
  });

  it("joins the ustar prefix and the name, reads GNU long names and ignores a GNU header's prefix bytes", () => {
    const long = `peer1/${"x".repeat(120)}/loggingsnapshot_expe1_2024-01-01_00_00_00.txt`;
    const longBytes = enc.encode(`${long}\0`);
    const tar = handTar([
      { name: "loggingsnapshot_expc2.txt", prefix: "cluster/peer2", data: "hi" },
      { name: "././@LongLink", type: "L", data: longBytes, magic: "gnu" },
      { name: long.slice(0, 100), data: "hello", magic: "gnu" },
      { name: "after.txt", prefix: "not-a-prefix", magic: "gnu", data: "x" },
    ]);
    assert.deepEqual(
      scan(tar, 100).members.map((m) => m.name),
      ["cluster/peer2/loggingsnapshot_expc2.txt", long, "after.txt"],
    );
  });

  it("reads the pax path tar-stream writes for a very long name", async () => {
    const deep = `${Array.from({ length: 120 }, (_, i) => `level${i}`).join("/")}/loggingsnapshot_expc1.txt`;
    const tar = await makeTar([{ name: deep, content: "line\n" }]);
    assert.deepEqual(scan(tar, 333).members.map((m) => [m.name, m.data]), [[deep, "line\n"]]);
  });

  it("takes an old v7 header by its checksum, and its trailing slash as a directory", () => {
    const tar = handTar([
      { name: "old/", magic: "v7" },
      { name: "old/loggingsnapshot.txt", magic: "v7", data: "x\n" },
    ]);
    assert.deepEqual(scan(tar).members.map((m) => [m.name, m.type]), [["old/", "directory"], ["old/loggingsnapshot.txt", "file"]]);
  });

  it("stops at the end marker and ignores what follows it", () => {
    const tar = handTar([{ name: "a.txt", data: "a" }]);
    const withJunk = new Uint8Array(tar.length + 512).fill(0x41);
    withJunk.set(tar);
    const { scanner, members } = scan(withJunk);
    assert.equal(scanner.done, true);
    assert.deepEqual(members.map((m) => m.name), ["a.txt"]);
  });

  it("says a header with a wrong checksum is not tar", () => {
    const tar = handTar([{ name: "a.txt", data: "a" }]);
    tar[10] ^= 0x01;
    assert.throws(() => scan(tar), TarHeaderError);
    assert.throws(() => scan(enc.encode("2024-03-05T04:12:52 not a tar\n".repeat(40))), TarHeaderError);
  });

  it("knows when the input stopped inside a member", () => {
    const tar = handTar([{ name: "a.txt", data: "a".repeat(2000) }], { endMarker: false });
    assert.equal(scan(tar.subarray(0, 1000)).scanner.midEntry, true, "inside the data");
    assert.equal(scan(tar.subarray(0, 300)).scanner.midEntry, true, "inside the header");
    assert.equal(scan(tar).scanner.midEntry, false, "ends after the member's padding: no end marker is tolerated");
  });

  it("jumps over data it is told to skip, as the browser does with a File", () => {
    const tar = handTar(BUNDLE);
    const s = new TarScanner();
    const names: string[] = [];
    let offset = 0;
    while (offset < tar.length && !s.done) {
      if (s.skippable > 0) {
        offset += s.skippable;
        s.skip(s.skippable);
        continue;
      }
      const chunk = tar.subarray(offset, offset + s.wanted);
      for (let e = s.next(chunk, 0); e !== null; e = s.next(chunk, s.offset)) if (e.type === "entry") names.push(e.header.name);
      offset += chunk.length;
    }
    assert.deepEqual(names, BUNDLE.map((b) => b.name));
  });
});

describe("tar header codec", () => {
  it("reads octal with spaces or NULs around it, and GNU base-256 sizes", () => {
    assert.equal(readNumber(enc.encode("  0000644 "), 0, 10), 0o644);
    assert.equal(readNumber(enc.encode("\0\0\0\0"), 0, 4), 0);
    const big = new Uint8Array(12);
    big[0] = 0x80;
    big[7] = 0x02; // 2 * 256^4 = 8 GiB
    assert.equal(readNumber(big, 0, 12), 8 * 1024 ** 3);
    assert.equal(readNumber(enc.encode("12x4"), 0, 4), null);
  });

  it("gives null for a zero block and the fields of a header", () => {
    assert.equal(decodeTarHeader(new Uint8Array(512)), null);
    assert.deepEqual(decodeTarHeader(header("a/b.txt", 42, "0")), { name: "a/b.txt", size: 42, type: "file" });
    assert.deepEqual(decodeTarHeader(header("l", 0, "1")), { name: "l", size: 0, type: "link" });
    assert.deepEqual(decodeTarHeader(header("v", 0, "V")), { name: "v", size: 0, type: "file" }, "unknown types read as files");
  });

  it("reads path and size records of a pax header by their byte lengths", () => {
    const rec = (s: string) => {
      const body = ` ${s}\n`;
      let len = Buffer.byteLength(body) + 2;
      if (String(len).length + Buffer.byteLength(body) !== len) len++;
      return `${len}${body}`;
    };
    const pax = enc.encode(rec("mtime=1709629960.0") + rec("path=dir/ünïcode name.txt") + rec("size=12345"));
    assert.deepEqual(decodePax(pax), { path: "dir/ünïcode name.txt", size: 12345 });
  });
});
