// The trust store the bundle carries (`ca_<host>_<stamp>.pem`): every CA certificate's subject CN,
// so a signature can spot two with the same CN (CSCwa12905). Text is kept only for these files,
// capped; certificates are parsed once at the end.
import { describeCertificate, parsePemCertificates } from "@/lib/capture/certificate";
import { baseName } from "@/lib/bundle/file-kind";

export type TrustedCertificate = {
  file: string;
  /** 1-based line of its BEGIN CERTIFICATE */
  line: number;
  subject: string;
  subjectCN: string | null;
  issuer: string;
  notAfter: string | null;
  selfSigned: boolean;
  fingerprint: string;
};

export type TrustStoreFacts = { files: string[]; certificates: TrustedCertificate[]; notes: string[] };

const MAX_BYTES = 8 * 1024 * 1024;

export function isTrustStoreFile(name: string): boolean {
  const b = baseName(name).toLowerCase();
  return b.startsWith("ca_") && b.endsWith(".pem");
}

export class TrustStoreCollector {
  private readonly files: { name: string; blocks: { line: number; lines: string[] }[] }[] = [];
  private current: { name: string; blocks: { line: number; lines: string[] }[] } | null = null;
  private block: { line: number; lines: string[] } | null = null;
  private bytes = 0;
  private readonly notes: string[] = [];

  startFile(name: string): void {
    this.current = { name, blocks: [] };
    this.files.push(this.current);
    this.block = null;
  }

  onLine(line: string, lineNo: number): void {
    if (!this.current) return;
    if (line.startsWith("-----BEGIN")) this.block = { line: lineNo, lines: [] };
    if (!this.block) return;
    this.bytes += line.length + 1;
    if (this.bytes > MAX_BYTES) {
      if (this.notes.length === 0) this.notes.push(`${this.current.name}: the trust store is larger than 8 MiB; only its first certificates were read`);
      this.block = null;
      return;
    }
    this.block.lines.push(line);
    if (line.startsWith("-----END")) {
      this.current.blocks.push(this.block);
      this.block = null;
    }
  }

  finish(): TrustStoreFacts | null {
    if (this.files.length === 0) return null;
    const certificates: TrustedCertificate[] = [];
    for (const f of this.files) {
      for (const b of f.blocks) {
        const der = parsePemCertificates(b.lines.join("\n"))[0];
        const d = der ? describeCertificate(der) : null;
        if (!d) continue;
        certificates.push({
          file: f.name,
          line: b.line,
          subject: d.subject,
          subjectCN: d.subjectCN ?? null,
          issuer: d.issuer,
          notAfter: d.notAfter ?? null,
          selfSigned: d.selfSigned,
          fingerprint: d.sha256Fingerprint,
        });
      }
    }
    return { files: this.files.map((f) => f.name), certificates, notes: this.notes };
  }
}
