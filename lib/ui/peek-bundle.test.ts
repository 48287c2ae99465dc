// Unit tests for the in-browser bundle peek: tar header scanning over arbitrary chunking, gzip
// budget, classification and the early warnings. Run: node --import tsx --test lib/ui/peek-bundle.test.ts
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gzip } from "pako";
import {
  GzipTarPeeker,
  TarScanner,
  classifyEntry,
  parseBundleName,
  peekFile,
  sniffFormat,
  sniffLogText,
  summarizeArchive,
} from "./peek-bundle";

type Entry = { name: string; data?: Uint8Array | string; size?: number; type?: string; prefix?: string };

const enc = new TextEncoder();

function header(name: string, size: number, type: string, prefix = ""): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, at: number, len: number) => h.set(enc.encode(s).subarray(0, len), at);
  put(name, 0, 100);
  put("0000644\0", 100, 8);
  put("0000000\0", 108, 8);
  put("0000000\0", 116, 8);
  put(size.toString(8).padStart(11, "0") + "\0", 124, 12);
  put("14567336150\0", 136, 12);
  put("        ", 148, 8);
  put(type, 156, 1);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  put(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return h;
}

function makeTar(entries: Entry[], { endMarker = true } = {}): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === "string" ? enc.encode(e.data) : (e.data ?? new Uint8Array(e.size ?? 0));
    const type = e.type ?? "0";
    if (e.name.length > 100 && !e.prefix) {
      const long = enc.encode(e.name + "\0");
      parts.push(header("././@LongLink", long.length, "L"), pad(long));
      parts.push(header(e.name.slice(0, 100), data.length, type));
    } else {
      parts.push(header(e.name, type === "5" ? 0 : data.length, type, e.prefix));
    }
    if (type !== "5") parts.push(pad(data));
  }
  if (endMarker) parts.push(new Uint8Array(1024));
  return concat(parts);
}

function pad(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(b.length / 512) * 512);
  out.set(b);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function chunks(buf: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

const LOG_LINE =
  "2024-03-05T04:12:52.358-05:00 expc1 traffic_server[2030]: [ET_NET 3] WARNING: Core server certificate verification failed for (cucm-pub.acme.test). Action=Terminate Error=self signed certificate server=cucm-pub.acme.test(192.0.2.10) depth=0\n";

const BUNDLE: Entry[] = [
  { name: "tmp/", type: "5" },
  { name: "tmp/loggingsnapshot_expc1_2024-03-05_09_12_40.txt", data: LOG_LINE.repeat(50) },
  { name: "tmp/xconf_dump_expc1_2024-03-05_09_12_40.txt", data: "*c xConfiguration EdgeConfigServer VerifyOriginServer: On\n" },
  { name: "tmp/xstat_dump_expc1_2024-03-05_09_12_40.txt", data: '*s SystemUnit:\n    Software:\n      Version: "X14.2.1"\n' },
  { name: "tmp/eth0_diagnostic_logging_tcpdump00_expc1_2024-03-05_09_12_40.pcap", size: 3000 },
  { name: "tmp/ca_expc1_2024-03-05_09_12_40.pem", data: "-----BEGIN CERTIFICATE-----\n" },
  { name: "tmp/server_expc1_2024-03-05_09_12_40.pem", data: "-----BEGIN CERTIFICATE-----\n" },
];

describe("TarScanner", () => {
  it("lists every entry whatever the chunking, skipping file data", () => {
    const tar = makeTar(BUNDLE);
    for (const size of [1, 7, 511, 512, 513, 4096, tar.length]) {
      const s = new TarScanner();
      for (const c of chunks(tar, size)) s.push(c);
      assert.equal(s.done, true, `chunk ${size}`);
      assert.equal(s.corrupt, false);
      assert.deepEqual(
        s.entries.map((e) => e.name),
        BUNDLE.map((e) => e.name),
      );
      assert.equal(s.entries[4].size, 3000);
      assert.equal(s.entries[0].type, "directory");
    }
  });

  it("joins the ustar prefix and the name, and reads GNU long names", () => {
    const long = "peer1/" + "x".repeat(120) + "/loggingsnapshot_expe1_2024-01-01_00_00_00.txt";
    const tar = makeTar([
      { name: "loggingsnapshot_expc2_2024-03-05_09_12_40.txt", prefix: "cluster/peer2", data: "hi" },
      { name: long, data: "hello" },
      { name: "after.txt", data: "x" },
    ]);
    const s = new TarScanner();
    s.push(tar);
    assert.deepEqual(
      s.entries.map((e) => e.name),
      ["cluster/peer2/loggingsnapshot_expc2_2024-03-05_09_12_40.txt", long, "after.txt"],
    );
  });

  it("stops and says corrupt when the bytes are not tar", () => {
    const s = new TarScanner();
    s.push(enc.encode("2024-03-05T04:12:52 not a tar\n".repeat(40)));
    assert.equal(s.done, true);
    assert.equal(s.corrupt, true);
    assert.equal(s.entries.length, 0);
  });
});

describe("GzipTarPeeker", () => {
  it("inflates in slices and lists the bundle", () => {
    const gz = gzip(makeTar(BUNDLE));
    const p = new GzipTarPeeker();
    const parts = chunks(gz, 100);
    parts.forEach((c, i) => p.push(c, i === parts.length - 1));
    assert.equal(p.error, null);
    assert.equal(p.partial, false);
    assert.equal(p.scanner.entries.length, BUNDLE.length);
  });

  it("gives up after the decompressed budget and marks the listing partial", () => {
    const big = makeTar([
      { name: "loggingsnapshot_expc1_2024-03-05_09_12_40.txt", size: 4 * 1024 * 1024 },
      { name: "xconf_dump_expc1_2024-03-05_09_12_40.txt", data: "x" },
    ]);
    const gz = gzip(big);
    const p = new GzipTarPeeker(1024 * 1024);
    let pushed = 0;
    for (const c of chunks(gz, 1024)) {
      if (p.finished) break;
      p.push(c);
      pushed++;
    }
    assert.equal(p.finished, true);
    assert.equal(p.partial, true);
    assert.ok(p.decompressed < 2 * 1024 * 1024);
    assert.ok(pushed < chunks(gz, 1024).length);
    assert.deepEqual(
      p.scanner.entries.map((e) => e.name),
      ["loggingsnapshot_expc1_2024-03-05_09_12_40.txt"],
    );
  });

  it("reports a damaged gzip stream instead of throwing", () => {
    const gz = gzip(makeTar(BUNDLE));
    const broken = gz.slice();
    for (let i = 20; i < 60; i++) broken[i] ^= 0xff;
    const p = new GzipTarPeeker();
    p.push(broken, true);
    assert.ok(p.error || p.scanner.corrupt || p.scanner.entries.length < BUNDLE.length);
  });
});

describe("classification and names", () => {
  it("sorts bundle files into the analyzer's kinds", () => {
    assert.equal(classifyEntry("a/loggingsnapshot_expc1_2024-03-05_09_12_40.txt"), "log");
    assert.equal(classifyEntry("xconf_dump_expc1_2024-03-05_09_12_40.xml"), "xconf");
    assert.equal(classifyEntry("xstat_dump_expc1_2024-03-05_09_12_40.txt"), "xstat");
    assert.equal(classifyEntry("eth1_diagnostic_logging_tcpdump03_expc1_2024-03-05_09_12_40.pcap"), "capture");
    assert.equal(classifyEntry("server_expc1_2024-03-05_09_12_40.pem"), "certificate");
    assert.equal(classifyEntry("readme.md"), "other");
  });

  it("reads host and time from bundle and snapshot names, tolerating browser suffixes", () => {
    assert.deepEqual(parseBundleName("diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz"), {
      host: "expc1",
      timestamp: "2024-03-05 09:12:40",
    });
    assert.deepEqual(parseBundleName("diagnostic_log_exp-c_1.acme_2024-03-05_09_12_40 (1).tar.gz"), {
      host: "exp-c_1.acme",
      timestamp: "2024-03-05 09:12:40",
    });
    assert.deepEqual(parseBundleName("x/loggingsnapshot_vcsc_2022-07-11_17_49_01.txt"), {
      host: "vcsc",
      timestamp: "2022-07-11 17:49:01",
    });
    assert.deepEqual(parseBundleName("bundle.tgz"), { host: null, timestamp: null });
  });

  it("recognises gzip, tar and text by their bytes", () => {
    assert.equal(sniffFormat(gzip(enc.encode("x"))), "gzip");
    assert.equal(sniffFormat(makeTar(BUNDLE)), "tar");
    assert.equal(sniffFormat(enc.encode(LOG_LINE)), "text");
    assert.equal(sniffFormat(new Uint8Array([0, 1, 2, 3, 255, 0, 9])), "unknown");
  });
});

describe("log sniffing", () => {
  it("counts Expressway syslog lines and finds the host", () => {
    const text =
      LOG_LINE +
      '2024-03-05T04:12:53.001-05:00 expc1 tvcs: UTCTime="2024-03-05 09:12:53,001" Module="network.sip" Level="DEBUG":  Action="Received"\n' +
      "SIPMSG:\n|INVITE sip:1234@example.com SIP/2.0\n|\n" +
      "cut line";
    const r = sniffLogText(text);
    assert.equal(r.matching, 2);
    assert.equal(r.sampled, 2);
    assert.equal(r.host, "expc1");
    assert.equal(r.expressway, true);
  });

  it("does not take prose for a log", () => {
    const r = sniffLogText("hello world\nthis is not a log\n\n");
    assert.equal(r.matching, 0);
    assert.equal(r.expressway, false);
  });
});

describe("summary", () => {
  it("counts kinds and takes host and time from the bundle name", () => {
    const s = new TarScanner();
    s.push(makeTar(BUNDLE));
    const sum = summarizeArchive({
      fileName: "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz",
      fileSize: 1234,
      format: "gzip",
      entries: s.entries,
      partial: false,
      corrupt: false,
      bytesScanned: 1,
    });
    assert.equal(sum.host, "expc1");
    assert.equal(sum.timestamp, "2024-03-05 09:12:40");
    assert.deepEqual(sum.counts, { log: 1, xconf: 1, xstat: 1, capture: 1, certificate: 2, other: 0 });
    assert.equal(sum.looksLikeExpressway, true);
    assert.deepEqual(sum.warnings, []);
  });

  it("warns, without blocking, when nothing Expressway-like is inside", () => {
    const s = new TarScanner();
    s.push(makeTar([{ name: "photos/cat.jpg", size: 10 }]));
    const sum = summarizeArchive({
      fileName: "stuff.tar.gz",
      fileSize: 10,
      format: "tar",
      entries: s.entries,
      partial: false,
      corrupt: false,
      bytesScanned: 1,
    });
    assert.equal(sum.looksLikeExpressway, false);
    assert.deepEqual(
      sum.warnings.map((w) => w.code),
      ["not_expressway", "not_gzip"],
    );
  });
});

describe("peekFile", () => {
  it("peeks a .tar.gz File by slices", async () => {
    const file = new File([gzip(makeTar(BUNDLE))], "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
    const sum = await peekFile(file, { limits: { sliceSize: 333 } });
    assert.equal(sum.format, "gzip");
    assert.equal(sum.files.length, BUNDLE.length - 1);
    assert.equal(sum.host, "expc1");
    assert.equal(sum.partial, false);
  });

  it("reads only headers of a plain .tar", async () => {
    const file = new File([makeTar(BUNDLE)], "diagnostic_log_expc1_2024-03-05_09_12_40.tar");
    const sum = await peekFile(file);
    assert.equal(sum.format, "tar");
    assert.equal(sum.files.length, BUNDLE.length - 1);
    assert.ok(sum.bytesScanned < file.size);
    assert.deepEqual(sum.warnings, []);
  });

  it("samples a bare loggingsnapshot", async () => {
    const file = new File([LOG_LINE.repeat(10)], "loggingsnapshot_expc1_2024-03-05_09_12_40.txt");
    const sum = await peekFile(file);
    assert.equal(sum.format, "text");
    assert.equal(sum.host, "expc1");
    assert.equal(sum.logLines?.matching, 10);
    assert.equal(sum.looksLikeExpressway, true);
  });

  it("warns that a cut-off .tar.gz is truncated, listing what it could read", async () => {
    const big = makeTar([...BUNDLE, { name: "tail.bin", data: crypto.getRandomValues(new Uint8Array(60_000)) }]);
    const gz = gzip(big);
    const file = new File([gz.slice(0, gz.length - 20_000)], "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
    const sum = await peekFile(file);
    assert.equal(sum.format, "gzip");
    assert.ok(sum.files.length >= BUNDLE.length - 1);
    assert.ok(sum.warnings.some((w) => w.code === "gzip_truncated"));
  });

  it("flags files that are none of the accepted formats", async () => {
    const file = new File([new Uint8Array([0, 1, 2, 3, 4, 5, 0, 0])], "diagnostic_log.tar.gz");
    const sum = await peekFile(file);
    assert.equal(sum.format, "unknown");
    assert.equal(sum.warnings[0].code, "unknown_format");
  });
});
