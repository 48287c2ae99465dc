// A realistic loggingsnapshot, generated as a stream of any size, for the benchmark, tests and the
// analyzer's warm-up: SIP OPTIONS blocks, search and admin events, XCP heartbeats, traffic server MRA
// request/response HTTPMSG blocks, and now and then a certificate verification failure. Random ids
// keep it compressing like real logs (~10x), not like a bomb.
import { randomBytes } from "node:crypto";

const HOST = "expc1";
const NODES = [
  { host: "cucm-pub.acme.test", ip: "192.0.2.10" },
  { host: "cucm-sub1.acme.test", ip: "192.0.2.11" },
  { host: "imp-pub.acme.test", ip: "192.0.2.20" },
];
const USERS = ["bwayne", "ckent", "dprince", "pparker", "tstark", "bbanner", "nromanoff", "srogers"];
const PORTS = [8443, 6972, 8443, 443];

const b64url = (s: string) => Buffer.from(s).toString("base64url");

/** Random hex and digit strings from a pooled buffer (random ids keep a synthetic log compressing like a real one). */
export function randomIds(): { hex: (n: number) => string; digits: (n: number) => string } {
  let pool = randomBytes(1 << 20).toString("hex");
  let poolAt = 0;
  const hex = (n: number) => {
    if (poolAt + n > pool.length) {
      pool = randomBytes(1 << 20).toString("hex");
      poolAt = 0;
    }
    poolAt += n;
    return pool.slice(poolAt - n, poolAt);
  };
  const digits = (n: number) => String(parseInt(hex(12), 16)).slice(0, n).padStart(n, "7");
  return { hex, digits };
}

/** A time (ms) as the syslog stamp (local, -05:00) and the UTCTime value an Expressway writes. */
export function logStamp(t: number): { local: string; utc: string } {
  const local = new Date(t - 5 * 3600_000).toISOString().slice(0, 23);
  const utc = new Date(t).toISOString().slice(0, 23).replace("T", " ").replace(".", ",");
  return { local: `${local}-05:00`, utc };
}

export async function* syntheticLog(totalBytes: number, opts: { failureEvery?: number } = {}): AsyncGenerator<Buffer> {
  const failureEvery = opts.failureEvery ?? 5000;
  let written = 0;
  let t = Date.parse("2024-03-05T09:12:40.170Z");
  let txn = 1000;
  let cycle = 0;
  const { hex, digits } = randomIds();
  const stamp = () => {
    t += 3 + (cycle % 7);
    return logStamp(t);
  };

  while (written < totalBytes) {
    const parts: string[] = [];
    for (let i = 0; i < 64; i++, cycle++) {
      const s = stamp();
      const user = USERS[cycle % USERS.length];
      const node = NODES[cycle % NODES.length];
      const port = PORTS[cycle % PORTS.length];
      const srcPort = 30000 + (cycle % 30000);
      parts.push(
        `${s.local} ${HOST} tvcs: UTCTime="${s.utc}" Module="network.sip" Level="DEBUG":  Action="Received" Local-ip="10.48.36.210" Local-port="5061" Src-ip="10.48.36.215" Src-port="${srcPort}" Msg-Hash="${digits(19)}"\n` +
          `SIPMSG:\n|OPTIONS sip:10.48.36.210:5061;transport=tls SIP/2.0\nVia: SIP/2.0/TLS 10.48.36.215:5061;branch=z9hG4bK${hex(10)}\n` +
          `Call-ID: ${hex(32)}@10.48.36.215\nCSeq: 101 OPTIONS\nContent-Length: 0\n|\n`,
        `${s.local} ${HOST} tvcs: Event="Search Completed" Reason="Not Found" Service="SIP" Src-alias-type="SIP" Src-alias="sip:${user}@acme.test" Dst-alias-type="SIP" Dst-alias="sip:10.48.36.215" Found="False" Type="OPTIONS" Level="1" UTCTime="${s.utc}"\n`,
      );
      if (cycle % 3 === 0) {
        parts.push(`${s.local} ${HOST} tvcs: UTCTime="${s.utc}" Module="developer.xcp" Level="INFO" CodeLocation="xcp/router.cpp(412)" Method="Router::heartbeat" Thread="0x${hex(12)}": Detail="Heartbeat sent" Peer="expe.acme.test"\n`);
      }
      if (cycle % 2 === 0) {
        txn++;
        const target = b64url(`acme.test/https/${node.host}/${port}`);
        const path = port === 6972 ? `/CSF${user}.cnf.xml` : port === 443 ? `/vmrest/mailbox/folders/inbox` : `/cucm-uds/user/${user}/devices?max=100`;
        const failing = failureEvery > 0 && cycle % failureEvery === 0;
        parts.push(
          `${s.local} ${HOST} traffic_server[2030]: UTCTime="${s.utc}" Module="network.http.trafficserver" Level="DEBUG": Detail="Receive Request" Txn-id="${txn}" TrackingID="${hex(16)}" Src-ip="127.0.0.1" Src-port="${srcPort}"\n` +
            `HTTPMSG:\n|GET http://vcs_control.acme.test:8443/${target}${path} HTTP/1.1\n|Host: vcs_control.acme.test:8443\n|User-Agent: Jabber/14.1.3\n|Authorization: Bearer ${hex(40)}\n|X-Forwarded-For: 192.0.2.${44 + (cycle % 100)}\n|\n`,
          `${s.local} ${HOST} traffic_server[2030]: Event="Request Allowed" Detail="Access allowed" Reason="In allow list" Username="${user}" Deployment="1" Method="GET" Request-url="https://${node.host}:${port}${path}" UTCTime="${s.utc}"\n`,
          `${s.local} ${HOST} traffic_server[2030]: UTCTime="${s.utc}" Module="network.http.trafficserver" Level="DEBUG": Detail="Sending Request" Txn-id="${txn}" Dst-ip="${node.ip}" Dst-port="${port}"\n` +
            `HTTPMSG:\n|GET ${path} HTTP/1.1\n|Host: ${node.host}:${port}\n|Via: http/1.1 vcs_control[7F000001] (ATS)\n|\n`,
        );
        if (failing) {
          parts.push(
            `${s.local} ${HOST} traffic_server[2030]: [ET_NET 3] WARNING: Core server certificate verification failed for (${node.host}). Action=Terminate Error=self signed certificate server=${node.host}(${node.ip}) depth=0\n`,
            `${s.local} ${HOST} traffic_server[2030]: [ET_NET 1] ERROR: SSL connection failed for '${node.host}': error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed\n`,
            `${s.local} ${HOST} traffic_server[2030]: UTCTime="${s.utc}" Module="network.http.trafficserver" Level="DEBUG": Detail="Sending Response" Txn-id="${txn}" Dst-ip="127.0.0.1" Dst-port="${srcPort + 1}"\n` +
              `HTTPMSG:\n|HTTP/1.1 502 connect failed\n|Content-Length: 0\n|\n`,
          );
        } else {
          parts.push(
            `${s.local} ${HOST} traffic_server[2030]: UTCTime="${s.utc}" Module="network.http.trafficserver" Level="DEBUG": Detail="Receive Response" Txn-id="${txn}" Src-ip="${node.ip}" Src-port="${port}"\n` +
              `HTTPMSG:\n|HTTP/1.1 200 OK\n|Server: \n|Content-Type: application/xml\n|\n`,
            `${s.local} ${HOST} traffic_server[2030]: UTCTime="${s.utc}" Module="network.http.trafficserver" Level="DEBUG": Detail="Sending Response" Txn-id="${txn}" Dst-ip="127.0.0.1" Dst-port="${srcPort + 1}"\n` +
              `HTTPMSG:\n|HTTP/1.1 200 OK\n|Content-Length: ${1000 + (cycle % 3000)}\n|\n`,
          );
        }
      }
      if (cycle % 11 === 0) {
        parts.push(`${s.local} ${HOST} web: Event="Admin Session Start" Src-ip="10.48.36.1" User="admin" Level="1" UTCTime="${s.utc}"\n`);
      }
    }
    const chunk = Buffer.from(parts.join(""));
    written += chunk.length;
    yield chunk;
  }
}

export const SYNTHETIC_XCONF = [
  '*c xConfiguration SystemUnit Name: "expc1"',
  '*c xConfiguration Ciphers HTTPSClientTls Value: "EECDH:EDH:HIGH:-AES256+SHA:!MEDIUM:!LOW:!3DES:!MD5:!PSK:!eNULL:!aNULL:!aDH"',
  "*c xConfiguration EdgeConfigServer VerifyOriginServer: On",
  "*c xConfiguration EdgeConfigServer Enabled: On",
  "",
].join("\n");

export const SYNTHETIC_XSTAT = ['*s SystemUnit: /', '    Product: "Cisco Expressway"', "    Software: /", '      Version: "X14.2.1"', '*s Hostname: "expc1"', ""].join("\n");
