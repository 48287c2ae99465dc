// Which bundle entries are captures. Expressway writes
// eth<n>_diagnostic_logging_tcpdump<nn>_<host>_<stamp>.pcap; other tools use .pcapng/.cap.

const CAPTURE_NAME = /\.(pcap|pcapng|cap)(\d+)?$/i;

export function isCaptureFileName(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return CAPTURE_NAME.test(base) || /tcpdump\d*_.*\.pcap/i.test(base);
}
