// The Expressway's alarm ids with their title, meaning, the administrator guide's solution and
// severity, so an alarm seen in a bundle (an `alarm:` log line or the xstat alarm list) can be
// explained. Taken from the Cisco Expressway Administrator Guide (X15.0), Reference Material >
// Alarms Reference; ids group by range: 10nnn hardware, 15nnn software, 20nnn cluster, 25nnn
// network and time, 30nnn licensing, 35nnn external services, 40nnn security, 45nnn
// configuration, 55nnn B2BUA. Only the alarms TAC meets are listed; an unknown id is still
// reported, with the text the alarm itself carries.

export const ALARM_REFERENCE_URL =
  "https://www.cisco.com/c/en/us/td/docs/voice_ip_comm/expressway/admin_guide/X15-0/exwy_b_cisco-expressway-administrator-guide-x15/exwy_m_reference-material.html";

export type AlarmArea = "hardware" | "software" | "cluster" | "network" | "licensing" | "external services" | "security" | "configuration" | "B2BUA" | "hybrid services";

export type AlarmInfo = {
  id: string;
  title: string;
  /** what the guide says the alarm means */
  meaning: string;
  /** the guide's solution */
  action: string;
  /** as the guide lists it: Critical, Error, Alert, Warning, Notice */
  severity: string;
};

const T = (id: string, title: string, meaning: string, action: string, severity: string): AlarmInfo => ({ id, title, meaning, action, severity });

const RMA = "Follow your Cisco RMA process to obtain replacement parts (Cisco UCS C220 M4 Server Installation and Service Guide).";
const REPLICATION = "View the cluster replication instructions (System > Clustering); on a subordinate peer `xCommand ForceConfigUpdate` re-copies the primary's configuration.";

export const ALARMS: readonly AlarmInfo[] = [
  // hardware
  T("10001", "Hardware failure", "Fan speed, system temperature or input voltage outside its threshold.", RMA, "Critical"),
  T("10002", "RAID degraded", "A disk of the RAID array failed.", RMA, "Critical"),
  T("10003", "PSU redundancy lost", "One power supply failed or lost power.", RMA, "Critical"),
  T("10004", "RAID rebuilding", "The RAID array is rebuilding.", "Wait for the rebuild to complete; the RAID alarms are lowered when it succeeds.", "Critical"),
  T("10005", "Unsuitable hardware warning", "The hardware does not meet the supported VM configuration for this version.", "Move to a supported VM size (Cisco Expressway on Virtual Machine Installation Guide).", "Warning"),
  // software
  T("15004", "Application failed", "An unexpected software error was detected in a module.", "View the incident reporting page; send the incident report and a system snapshot to TAC.", "Error"),
  T("15005", "Database failure", "The configuration database failed.", "Remove the database and restore from backup, then reboot the system.", "Warning"),
  T("15006", "Restart required", "A language pack was installed; a restart is required for this to take effect.", "Restart the system.", "Warning"),
  T("15007", "The system is busy", "The system is shutting down or starting.", "Wait for the start to complete.", "Alert"),
  T("15008", "Failed to load database", "The database failed to load; some configuration data has been lost.", "Restore system data from backup.", "Warning"),
  T("15010", "Application failed", "An unexpected software error was detected in a module.", "View the incident reporting page; send the incident report and a system snapshot to TAC.", "Error"),
  T("15011", "Application failed", "An unexpected software error was detected in a module.", "View the incident reporting page; send the incident report and a system snapshot to TAC.", "Error"),
  T("15014", "Restart required", "Core dump mode was changed; a restart is required for this to take effect.", "Restart the system.", "Warning"),
  T("15015", "Maintenance mode", "The Expressway is in maintenance mode and no longer accepts calls and registrations.", "Turn maintenance mode off (Maintenance > Maintenance mode) when the work is done.", "Warning"),
  T("15016", "Directory service database failure", "The directory service database is not running.", "Restart the system.", "Warning"),
  T("15017", "Application failed", "The OpenDS service stopped unexpectedly and was restarted.", "If the problem persists, contact your Cisco representative.", "Warning"),
  T("15018", "Boot selection mismatch", "The booted system does not match the expected configuration (input on the serial console during boot).", "Reboot the system.", "Critical"),
  T("15019", "Application failed", "An unexpected software error was detected in a service, which will not be restarted automatically.", "Restart the system; if the problem persists, contact your Cisco support representative.", "Critical"),
  T("15021", "Delayed Cisco XCP Router restart", "The XCP Router is not running on the latest configuration because delayed restart is enabled.", "Restart the XCP Router on the Delayed Cisco XCP Router restart page, or schedule it.", "Warning"),
  T("15022", "Restart required", "Domain certificate configuration was changed; a restart is required for this to take effect.", "Restart the system.", "Warning"),
  T("15023", "Restore failed", "A backup was not restored; the previous configuration is in use.", "Check the error log and retry; if it persists, contact your Cisco support representative.", "Error"),
  T("15028", "Restart required", "The server certificate and private key were changed; a restart is required for this to take effect.", "Restart the Expressway so it presents the new certificate.", "Warning"),
  T("15030", "Unified CM data crosscheck failure", "The Unified CM configuration data on the Expressway is inconsistent.", "Delete all Unified CM servers and add them again (MRA deployment guide, Discover Unified CM Servers).", "Error"),
  T("15032", "Unified CM server unavailable", "The Unified CM publisher's configuration includes servers the Expressway cannot reach.", "See the Event Log, correct the issue and refresh the Unified CM servers (MRA deployment guide, Discover Unified CM Servers).", "Warning"),
  // cluster
  T("20003", "Invalid cluster configuration", "The cluster configuration is invalid.", "Check System > Clustering: this system's address must be listed, without duplicates.", "Warning"),
  T("20004", "Cluster communication failure", "The system is unable to communicate with one or more of the cluster peers.", "Check the clustering configuration and that the peers reach each other (TCP 4371/4372 over TLS, UDP 1719).", "Warning"),
  T("20005", "Invalid peer address", "One or more peer addresses are invalid.", "Check System > Clustering: every Peer field must hold a valid address.", "Warning"),
  T("20006", "Cluster database communication failure", "The database is unable to replicate with one or more of the cluster peers.", "Check the clustering configuration and restart.", "Warning"),
  T("20007", "Restart required", "The cluster configuration was changed; a restart is required for this to take effect.", "Restart the system.", "Warning"),
  T("20008", "Cluster replication error", "Automatic replication of configuration is temporarily disabled because an upgrade is in progress.", "Wait until the upgrade of every peer has completed.", "Warning"),
  T("20009", "Cluster replication error", "There was an error during automatic replication of configuration.", REPLICATION, "Warning"),
  T("20011", "Cluster replication error", "This peer's configuration conflicts with the primary's; manual synchronization of configuration is required.", REPLICATION, "Warning"),
  T("20012", "Cluster replication error", "This peer's cluster settings do not match the configuration primary's.", "Configure this peer's cluster settings to match the primary.", "Warning"),
  T("20014", "Cluster replication error", "The primary's or this peer's configuration file cannot be found; manual synchronization is required.", REPLICATION, "Warning"),
  T("20015", "Cluster replication error", "The local Expressway does not appear in the list of peers.", "Check the list of peers for this cluster.", "Warning"),
  T("20016", "Cluster replication error", "The primary peer is unreachable.", "Check the list of peers and that the primary is running and reachable.", "Warning"),
  T("20017", "Cluster replication error", "The configuration primary ID is inconsistent; manual synchronization is required.", REPLICATION, "Warning"),
  T("20018", "Invalid clustering configuration", "H.323 mode must be On: clustering uses H.323 between peers.", "Turn H.323 mode on (Configuration > Protocols > H.323).", "Warning"),
  T("20019", "Cluster name not configured", "FindMe or clustering is in use but no cluster name is defined.", "Configure the cluster name (System > Clustering).", "Warning"),
  T("20020", "Restart required", "The TLS verification configuration does not match the active status.", "Restart the system.", "Warning"),
  T("20021", "Cluster communication failure", "A TCP connection to one or more peers could not be established on the cluster ports.", "Check the port reference guide: the cluster ports must be open between every pair of peers.", "Warning"),
  T("20024", "Cluster configuration error", "The cluster is in an inconsistent state.", "Recreate the cluster (Cisco Expressway Cluster Creation and Maintenance Deployment Guide).", "Warning"),
  T("20025", "Failed to synchronize database", "Database synchronization failed on a node.", "Reboot the affected node from the CLI.", "Critical"),
  T("20026", "Failed to recover ClusterDB log server", "The ClusterDB log server is frozen and its log messages are not processed.", "If the problem persists, contact your Cisco representative.", "Critical"),
  // network and time
  T("25001", "Restart required", "The network configuration was changed; a restart is required for this to take effect.", "Restart the system.", "Warning"),
  T("25002", "Date and time not validated", "The system is unable to obtain the correct time and date from an NTP server.", "Check the time configuration (System > Time) and that the NTP servers are reachable.", "Warning"),
  T("25003", "IP configuration mismatch", "IP protocol is Both, but no IPv4 address is defined.", "Configure the IP settings.", "Warning"),
  T("25004", "IP configuration mismatch", "IP protocol is Both, but no IPv4 gateway is defined.", "Configure the IP settings.", "Warning"),
  T("25010", "Restart required", "The IP configuration was changed; a restart is required for this to take effect.", "Restart the system.", "Warning"),
  T("25016", "Ethernet speed not recommended", "An interface negotiated a speed other than 1000 or 100 Mb/s full duplex; this may lose packets.", "Configure the Ethernet parameters and the switch port.", "Warning"),
  T("25018", "Port conflict", "Two functions use the same port.", "Review the Local inbound ports and Local outbound ports pages.", "Warning"),
  T("25019", "Verbose log levels configured", "Network or Support Log modules are set to Debug or Trace.", "Set them back to Info unless TAC asked otherwise (diagnostic logging resets them when stopped).", "Warning"),
  T("25020", "NTP client failure", "The system is unable to run the NTP client.", "Check the NTP status, including key configuration and expiry dates.", "Warning"),
  T("25021", "NTP server not available", "The system is unable to contact an NTP server.", "Check the time configuration and status, and the DNS configuration.", "Warning"),
  T("25022", "Time not synchronized over traversal zone", "This server's time differs from a server's on the other side of a SIP traversal zone.", "Give both sides consistent NTP configuration; changes take some time to become effective.", "Warning"),
  T("25023", "XMPP Federation configuration warning", "The IM and Presence servers could not be configured with the Expressway address for XMPP federation.", "Check that IM and Presence and its AXL service run, then refresh the servers.", "Warning"),
  T("25027", "SSLH failure", "The protocol multiplexer cannot start: the Expressway-E cannot listen on TCP 443 for TURN and WebRTC.", "Reconfigure the TURN service.", "Critical"),
  T("25030", "Reverse DNS Lookup failed", "The reverse DNS lookup of the Expressway-E's address failed; this can make MRA login fail.", "Create a valid PTR record for the Expressway-E's address.", "Error"),
  T("25031", "Certificate verification failed", "The FQDN in the PTR record of the Expressway-E's address is not a SAN of the certificate it presents.", "Create one PTR record whose FQDN is a SAN of the Expressway-E's server certificate.", "Error"),
  // licensing
  T("30001", "Capacity warning", "Concurrent traversal calls have approached the licensed limit.", "Contact your Cisco representative about more licenses.", "Warning"),
  T("30004", "Capacity warning", "Concurrent non-traversal calls have approached the licensed limit.", "Contact your Cisco representative about more licenses.", "Warning"),
  T("30010", "Capacity warning", "Concurrent registrations have approached the licensed limit.", "Contact your Cisco representative about more licenses.", "Warning"),
  T("30011", "TURN relay licenses required", "TURN services are enabled but no TURN relay licenses are installed.", "Add the option keys or disable TURN services.", "Warning"),
  T("30012", "License usage of lost cluster peer", "A cluster peer has been unavailable for hours; its licenses will be removed from the cluster's pool.", "Resolve the issue with this peer, or remove it from the cluster configuration.", "Warning"),
  T("30016", "Licenses of lost cluster peer have been taken off the license pool", "A peer unavailable for days has had its licenses removed from the cluster's pool.", "Resolve the issue with this peer, or remove it from the cluster configuration.", "Warning"),
  T("30019", "Call license limit reached", "The limit of concurrent non-traversal (rich media session) call licenses was reached.", "If it persists, buy more call licenses.", "Warning"),
  T("30020", "Call license limit reached", "The limit of concurrent traversal (rich media session) call licenses was reached.", "If it persists, buy more call licenses.", "Warning"),
  T("30021", "TURN relay license limit reached", "The limit of concurrent TURN relay licenses was reached.", "If it persists, buy more TURN relay licenses.", "Warning"),
  T("30022", "Call capacity limit reached", "Concurrent non-traversal calls reached the unit's physical limit.", "Add capacity (a larger VM or another peer).", "Warning"),
  T("30023", "Call capacity limit reached", "Concurrent traversal calls reached the unit's physical limit.", "Add capacity (a larger VM or another peer).", "Warning"),
  T("30024", "TURN relay capacity limit reached", "Concurrent TURN relay calls reached the unit's physical limit.", "Add capacity (a larger VM or another peer).", "Warning"),
  T("30028", "Room system registrations limit reached", "Registered TelePresence room systems reached the license limit.", "Buy more room system licenses.", "Warning"),
  T("30031", "Desktop system license limit reached", "Registered desktop systems reached the license limit.", "Buy more desktop system licenses.", "Warning"),
  T("30035", "Smart license in Eval", "The system runs in evaluation mode, which expires.", "Register the system with Cisco Smart Software Manager or a satellite.", "Warning"),
  T("30036", "Smart license in overage out of compliance", "The system runs with too few licenses.", "Configure additional licenses in Cisco Smart Software Manager.", "Alert"),
  T("30037", "Smart license no provision out of compliance", "The system runs with too few licenses and can no longer provision users and devices.", "Configure additional licenses in Cisco Smart Software Manager.", "Critical"),
  T("30038", "Smart license no provision Eval expired", "The evaluation period expired; the product is in enforced mode.", "Check the network connection and renew the license authorization.", "Critical"),
  T("30039", "Smart license in overage authorization expired", "The license authorization expired.", "Check the network connection and renew the license authorization.", "Alert"),
  T("30040", "Smart license no provision authorization expired", "The license authorization expired; the product is in enforced mode.", "Check the network connection and renew the license authorization.", "Critical"),
  T("30041", "Smart license registration expired", "The registration expired; the system is unregistered with Cisco Smart Software Manager.", "Check connectivity to Smart Software Manager and the system clock, then register again.", "Error"),
  T("30042", "Smart license communication error", "The system failed to communicate with Cisco Smart Software Manager (cloud or on-prem).", "Check the network connectivity (and proxy) to Smart Software Manager.", "Error"),
  T("30043", "Smart license authorization expiring soon", "The license authorization period will expire soon.", "Initiate an authorization renewal.", "Warning"),
  T("30044", "Smart license renew auth failed", "The license authorization renewal failed.", "Retry the renewal; if it persists, open a TAC case.", "Error"),
  T("30045", "Smart license renew registration failed", "The license registration renewal failed.", "Retry the renewal; if it persists, open a TAC case.", "Error"),
  T("30046", "Smart license registration expiring soon", "The registration with Smart Software Manager will expire soon.", "Initiate a registration renewal.", "Warning"),
  // external services
  T("35004", "LDAP configuration required", "Remote login authentication is in use but the LDAP server address, port, Bind_DN and Base_DN are not configured.", "Configure the LDAP parameters.", "Warning"),
  T("35009", "TMS Provisioning Extension services communication failure", "The Expressway cannot communicate with the TMS Provisioning Extension services.", "Open the TMS Provisioning Extension service status page for the failed service.", "Warning"),
  T("35012", "Failed to connect to LDAP server", "The LDAP server for H.350 device authentication could not be reached.", "Check the H.350 directory service configuration.", "Warning"),
  T("35013", "Unified Communications SSH tunnel failure", "The Expressway-C cannot communicate with one or more Expressway-E hosts over the SSH tunnel.", "Check the Event Log and that the traversal zone between Expressway-C and -E is active.", "Warning"),
  T("35014", "Unified Communications SSH tunnel notification failure", "The Expressway cannot communicate with one or more remote hosts.", "Allow traffic from the Expressway-C's ephemeral ports to TCP 2222 on the Expressway-E.", "Warning"),
  T("35015", "Unified CM port conflict", "A Unified CM port is used both for line-side (MRA) and by a neighbor zone SIP trunk.", "Use different ports on Unified CM for line side and SIP trunk traffic.", "Warning"),
  T("35016", "SAML metadata has been modified", "The local SAML metadata changed (server certificate, SSO domains or traversal peers) and differs from the IdP's copy.", "Export the SAML metadata and import it on the Identity Provider.", "Warning"),
  // security
  T("40001", "Security alert", "No CRL distribution points are defined for automatic updates.", "Check the CRL configuration.", "Warning"),
  T("40002", "Security alert", "Automatic updating of CRL files failed.", "If the problem persists, contact your Cisco representative.", "Warning"),
  T("40003", "Insecure password in use", "The root user has the default password.", "Change the root password.", "Warning"),
  T("40005", "Insecure password in use", "The admin user has the default password.", "Change the admin password.", "Error"),
  T("40006", "Security alert", "A CRL update could not be downloaded.", "Check the CRL distribution points and the Event Log.", "Warning"),
  T("40008", "Security alert", "The SSH service is using the default key.", "Replace the default SSH key.", "Warning"),
  T("40028", "Insecure password in use", "The root user's password is hashed with MD5.", "Change the root password.", "Warning"),
  T("40029", "LDAP server CA certificate is missing", "No CA certificate for the LDAP server is uploaded; TLS connections need it.", "Upload a valid CA certificate.", "Warning"),
  T("40030", "Security alert", "Firewall rules activation failed: at least one rule was rejected.", "Fix the rejected firewall rules and activate again.", "Warning"),
  T("40036", "Delegated credential checking error", "The traversal server zone of a SIP domain cannot connect to the traversal client.", "Check the domain, its traversal server zone and the traversal client.", "Warning"),
  T("40040", "Unified Communications configuration error", "TLS verify mode is off on a traversal zone configured for Unified Communications.", "Turn TLS verify mode on for the traversal zone (and check the remote side).", "Warning"),
  T("40043", "Unified Communications configuration error", "Media encryption is not enforced on a traversal zone configured for Unified Communications.", "Set media encryption to Force encrypted on the traversal zone.", "Warning"),
  T("40048", "Unified Communications configuration error", "Unified Communications is enabled but SIP TLS is disabled.", "Set SIP TLS mode to On (Configuration > Protocols > SIP).", "Warning"),
  T("40049", "Cluster TLS permissive", "Cluster TLS verification mode permits invalid certificates.", "Change the cluster's TLS verification mode to Enforcing.", "Notice"),
  T("40051", "CMS not Identified by Server Certificate", "A CMS address entered on the Expressway-C is not a SAN of the Expressway-E's server certificate.", "Add the CMS address as a SAN of the Expressway-E certificate, or correct the CMS entry on the Expressway-C.", "Warning"),
  T("40052", "Certificate error", "The server certificate has no Common Name; some services do not work without it.", "Replace the server certificate with one that has a CN.", "Warning"),
  T("40054", "Token decryption failure", "The Expressway-C failed to decrypt an OAuth token issued by Unified CM.", "Refresh the Unified CM configuration on the Expressway-C.", "Warning"),
  T("40055", "Failed to update key file", "The system key file could not be updated (inconsistent state).", "Run `xCommand ForceSystemKeyUpdate` (on a cluster, on a peer without the alarm), or restart.", "Warning"),
  T("40061", "ACME auto-sign failure", "Auto-signing the server certificate with ACME failed.", "See the server certificate page.", "Warning"),
  T("40063", "ACME auto-deploy failure", "Auto-deploying the ACME-signed server certificate failed.", "See the server certificate page.", "Warning"),
  T("40068", "Server certificate validity", "The server certificate has expired or expires today.", "Create and upload a new server certificate.", "Critical"),
  T("40069", "Server certificate validity", "The server certificate expires within days.", "Create and upload a new server certificate before it expires.", "Alert"),
  // configuration
  T("45001", "Failed to load Call Policy file", "The Call Policy file could not be loaded.", "Fix and upload the Call Policy file.", "Warning"),
  T("45003", "Configuration warning", "H.323 and SIP modes are both Off.", "Enable H.323 and/or SIP.", "Warning"),
  T("45016", "Configuration warning", "A zone with SIP media encryption Best effort or Force encrypted does not use TLS.", "Set that zone's SIP transport to TLS, or change its media encryption mode.", "Warning"),
  T("45019", "Insufficient media ports", "Too few media ports for the number of licensed calls.", "Increase the media port range.", "Warning"),
  T("45023", "Configuration error", "Several connections share one host/port tuple.", "Review the zones and correct the hostname or port conflict.", "Error"),
  // B2BUA
  T("55001", "B2BUA service restart required", "B2BUA configuration changed; the B2BUA service needs a restart.", "Restart the B2BUA service.", "Warning"),
  T("55035", "B2BUA connectivity problem", "The B2BUA cannot connect to the transcoders.", "Restart the B2BUA service.", "Warning"),
  T("55036", "B2BUA connectivity problem", "The B2BUA cannot connect to the Expressway.", "Restart the B2BUA service.", "Warning"),
  T("55037", "B2BUA connectivity problem", "The B2BUA cannot connect to the Microsoft environment.", "Check the Microsoft interoperability status page, then restart the B2BUA service.", "Warning"),
];

const BY_ID = new Map(ALARMS.map((a) => [a.id, a]));

export function alarmInfo(id: string): AlarmInfo | null {
  return BY_ID.get(id) ?? null;
}

/** The guide's grouping of alarm ids by their first digits. */
export function alarmArea(id: string): AlarmArea | null {
  const n = Number(id);
  if (!Number.isInteger(n)) return null;
  if (n >= 10000 && n < 15000) return "hardware";
  if (n >= 15000 && n < 20000) return "software";
  if (n >= 20000 && n < 25000) return "cluster";
  if (n >= 25000 && n < 30000) return "network";
  if (n >= 30000 && n < 35000) return "licensing";
  if (n >= 35000 && n < 40000) return "external services";
  if (n >= 40000 && n < 45000) return "security";
  if (n >= 45000 && n < 50000) return "configuration";
  if (n >= 55000 && n < 60000) return "B2BUA";
  if (n >= 60000 && n < 70000) return "hybrid services";
  return null;
}
