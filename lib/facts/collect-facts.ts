// Wires the parsers to the combiners for one bundle read: the reader's visitor hands each
// text line to the parser for its file kind, and the parsed records to the combiners.
import type { BundleEntry, BundleReadResult, BundleVisitor, LineFeedSource } from "@/lib/bundle/read-bundle";
import { isTextKind } from "@/lib/bundle/file-kind";
import { DumpXmlReader } from "@/lib/parse/dump-xml";
import { parseXconfLine } from "@/lib/parse/xconf";
import { XstatReader, xmlStatusPath } from "@/lib/parse/xstat";
import type { Facts } from "@/lib/facts/facts";
import { EdgeConfigCollector } from "@/lib/facts/edge-config-facts";
import { identifyProduct } from "@/lib/facts/product-identity";
import { SystemCollector } from "@/lib/facts/system-facts";
import { TrafficServerCollector } from "@/lib/facts/traffic-server-facts";
import { TlsCollector } from "@/lib/facts/tls-facts";
import { LineContext } from "@/lib/facts/line-context";
import { LogEventCollector } from "@/lib/facts/log-events";
import { TrustStoreCollector, isTrustStoreFile } from "@/lib/facts/trust-store";
import { WarningCollector } from "@/lib/facts/warning-templates";
import { LINE_NEEDLES, LogFileLines } from "@/lib/facts/log-lines";
import { ScanThread, type ScanThreadSetting, inlineLineFeed, scanThreadSetting } from "@/lib/scan/log-feed";
import type { RunTable } from "@/lib/scan/log-table";
import type { EntrySubscriber } from "@/lib/scan/subscriber";
import { SipCollector, searchesFromEvents, sipLimitsFromEnv } from "@/lib/facts/sip/sip-collector";
import { StatusDumpCollector } from "@/lib/facts/status-dump";
import { buildAlarmFacts } from "@/lib/facts/alarm-facts";
import { ClusterPeerCollector } from "@/lib/facts/cluster-peers";
import { KernelMemoryCollector } from "@/lib/facts/memory-facts";

type LineSink = { push(line: string, lineNo: number): void; end(): void };

export type FactsCollector = {
  visitor: BundleVisitor;
  finish(read: BundleReadResult, fileName: string): Facts;
  /** Gives back the scan thread, if one was used; call it however the read ended. */
  close(): Promise<void>;
};

const MAX_TRUST_STORE_BYTES = 4 * 1024 * 1024;

export type CollectOptions = {
  /** whether large log files are scanned on a worker thread (default: ANALYZER_SCAN_THREAD, else by size) */
  scanThread?: ScanThreadSetting;
};

export function createFactsCollector(options: CollectOptions = {}): FactsCollector {
  const scanThreadMode = options.scanThread ?? scanThreadSetting();
  const system = new SystemCollector();
  const lineContext = new LineContext();
  const trafficServer = new TrafficServerCollector(lineContext);
  const events = new LogEventCollector(lineContext);
  const warnings = new WarningCollector();
  const trustStore = new TrustStoreCollector();
  const tls = new TlsCollector();
  const statusDump = new StatusDumpCollector();
  let readingBytes = false;
  /** the bytes of a ca_*.pem that the TLS collector reads too, for the trust store's lines */
  let pemChunks: Buffer[] | null = null;
  let pemBytes = 0;
  /** the collectors that read whole entries of their line families (processes, modules) */
  const edgeConfig = new EdgeConfigCollector();
  const sip = new SipCollector(sipLimitsFromEnv());
  const clusterPeers = new ClusterPeerCollector();
  const kernelMemory = new KernelMemoryCollector();
  const subscribers: EntrySubscriber[] = [trafficServer, edgeConfig, sip, clusterPeers, kernelMemory];
  const logFiles: string[] = [];
  const lineFamilies: Facts["lineFamilies"] = [];
  const reading: Facts["reading"] = [];
  let sink: LineSink | null = null;
  let log: LogFileLines | null = null;

  /** Started with the first large log file; one per analysis. */
  let scanThread: ScanThread | null | undefined;

  function logLines(file: BundleEntry): LineFeedSource {
    system.startLogFile();
    lineContext.startFile(file.name);
    logFiles.push(file.name);
    return {
      lineFeed(maxLineBytes, onLongLine) {
        const lines = (log = new LogFileLines(file.name, { system, events, warnings, lineContext }, subscribers, onLongLine));
        const deliver = (t: RunTable) => lines.run(t);
        if (scanThread === undefined && ScanThread.wanted(file.size, scanThreadMode)) scanThread = ScanThread.acquire();
        return scanThread ? scanThread.lineFeed(maxLineBytes, LINE_NEEDLES, deliver) : inlineLineFeed(maxLineBytes, LINE_NEEDLES, deliver);
      },
    };
  }

  function dumpSink(file: BundleEntry): LineSink {
    const isXconf = file.kind === "xconf";
    if (!isXconf) statusDump.startFile(file.name);
    const lineText = new Map<number, string>();
    // The .xml flavour is detected by content, on the first non-blank line.
    let mode: "text" | "xml" | null = null;
    const xml = new DumpXmlReader(
      (leaf, lineNo) => {
        const path = leaf.path.slice(1); // drop the <Configuration>/<Status> root
        if (path.length === 0) return;
        const text = lineText.get(lineNo) ?? "";
        if (isXconf) system.onXconf(file.name, { key: path.join(" "), value: leaf.value }, lineNo, text);
        else {
          const statusPath = xmlStatusPath(path);
          system.onXstat(file.name, { path: statusPath, value: leaf.value }, lineNo, text);
          statusDump.onEntry(file.name, statusPath, leaf.value, lineNo, text);
        }
      },
      { attributes: !isXconf },
    );
    let currentLine = "";
    const xstat = new XstatReader((entry, lineNo) => {
      system.onXstat(file.name, entry, lineNo, currentLine.trim());
      statusDump.onEntry(file.name, entry.path, entry.value, lineNo, currentLine.trim());
    });
    return {
      push(line, lineNo) {
        if (mode === null) {
          const t = line.trimStart();
          if (t.length === 0) return;
          mode = t.startsWith("<") ? "xml" : "text";
        }
        if (mode === "xml") {
          lineText.clear();
          lineText.set(lineNo, line.trim());
          xml.push(line, lineNo);
        } else if (isXconf) {
          const entry = parseXconfLine(line);
          if (entry) system.onXconf(file.name, entry, lineNo, line.trim());
        } else {
          currentLine = line;
          xstat.push(line, lineNo);
        }
      },
      end() {},
    };
  }

  const visitor: BundleVisitor = {
    onFileStart(file) {
      system.onFileName(file.name);
      const trustStoreFile = file.kind === "certificate" && isTrustStoreFile(file.name);
      if (trustStoreFile) trustStore.startFile(file.name);
      // Captures and certificate files stream through as bytes, in the same pass; a trust store is
      // also kept (it is small and capped) for the trust store collector's line reader.
      if (tls.startFile(file)) {
        readingBytes = true;
        pemChunks = trustStoreFile ? [] : null;
        pemBytes = 0;
        return "bytes";
      }
      if (trustStoreFile) {
        sink = { push: (line, lineNo) => trustStore.onLine(line, lineNo), end() {} };
        return true;
      }
      if (!isTextKind(file.kind)) return false;
      if (file.kind === "log") return logLines(file);
      sink = dumpSink(file);
      return true;
    },
    onLine(_file, line, lineNo) {
      sink?.push(line, lineNo);
    },
    onBytes(_file, chunk) {
      tls.bytes(chunk);
      if (pemChunks && pemBytes < MAX_TRUST_STORE_BYTES) {
        pemChunks.push(Buffer.from(chunk));
        pemBytes += chunk.length;
      }
    },
    onFileEnd() {
      if (readingBytes) {
        readingBytes = false;
        tls.endFile();
        if (pemChunks) {
          const lines = Buffer.concat(pemChunks).subarray(0, MAX_TRUST_STORE_BYTES).toString("latin1").split(/\r?\n/);
          lines.forEach((line, i) => trustStore.onLine(line, i + 1));
          pemChunks = null;
        }
      }
      sink?.end();
      sink = null;
      if (log) {
        log.end();
        lineFamilies.push({ file: log.file, ...log.families() });
        reading.push({ file: log.file, ...log.readingCounts() });
        system.endLogFile();
        log = null;
      }
    },
  };

  return {
    visitor,
    async close() {
      await scanThread?.release();
      scanThread = null;
    },
    finish(read, fileName) {
      system.onUploadName(fileName);
      const sys = system.finish();
      const tlsFacts = tls.finish();
      const store = trustStore.finish();
      const status = statusDump.finish();
      const eventFacts = events.finish();
      const trafficServerFacts = trafficServer.finish();
      return {
        fileName,
        files: read.files,
        notes: [...read.notes, ...sys.notes, ...tls.bundleNotes(), ...(store?.notes ?? [])],
        lineCount: read.lineCount,
        host: sys.host,
        hosts: sys.hosts,
        product: sys.product,
        identity: identifyProduct({ ...sys, processLines: eventFacts.processLines, requestsToUnifiedCm: trafficServerFacts.failures.length }),
        version: sys.version,
        versions: sys.versions,
        config: sys.config,
        timeRange: sys.timeRange,
        logFiles,
        lineFamilies,
        reading,
        trafficServer: trafficServerFacts,
        edgeConfig: edgeConfig.finish(),
        sip: sip.finish(searchesFromEvents(eventFacts)),
        tls: tlsFacts,
        events: { ...eventFacts, evidence: events.evidence() },
        warnings: warnings.finish(),
        trustStore: store,
        alarms: buildAlarmFacts(eventFacts.events.alarm ?? [], status),
        statusDump: status,
        clusterPeers: clusterPeers.finish(),
        kernelMemory: kernelMemory.finish(),
      };
    },
  };
}
