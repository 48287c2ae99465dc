// What a CUCM / IM&P / Unity Connection port carries, in the words an admin recognises.

export function serviceForPort(port: number | null): string | null {
  switch (port) {
    case null:
      return null;
    case 8443:
      return "UDS / Tomcat (8443)";
    case 6970:
    case 6971:
    case 6972:
      return `TFTP (${port})`;
    case 443:
      return "Unity Connection (443)";
    case 7400:
      return "XCP (7400)";
    case 5060:
      return "SIP (5060)";
    case 5061:
      return "SIP TLS (5061)";
    case 8191:
      return "IM&P SOAP (8191)";
    default:
      return `port ${port}`;
  }
}
