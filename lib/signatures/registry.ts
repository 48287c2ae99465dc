// Every signature the analysis runs, in display order, and the catalog version stored with
// each analysis so old results can be told apart after rules change.
import type { SignatureResult } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { type Signature, runSignature } from "@/lib/signatures/signature";
import { x142TrafficServerVerification } from "@/lib/signatures/x14-2-traffic-server-verification";
import { tlsCertificateDiffersByPort } from "@/lib/signatures/tls-certificate-differs-by-port";
import { tlsCertificateNameCoverage } from "@/lib/signatures/tls-certificate-name-coverage";
import { tlsPresentedCertificateValidity } from "@/lib/signatures/tls-presented-certificate-validity";
import { verifyOriginServerOff } from "@/lib/signatures/verify-origin-server-off";
import { x142EcdsaPreferred } from "@/lib/signatures/x14-2-ecdsa-preferred";
import { trustStoreDuplicateCn } from "@/lib/signatures/trust-store-duplicate-cn";
import { cucmUntrustedExpresswayC } from "@/lib/signatures/cucm-untrusted-expressway-c";
import { traversalTlsIdentity } from "@/lib/signatures/traversal-tls-identity";
import { traversalAuthentication } from "@/lib/signatures/traversal-authentication";
import { inboundTlsCertificate } from "@/lib/signatures/inbound-tls-certificate";
import { uds401Unauthorized } from "@/lib/signatures/uds-401-unauthorized";
import { uds403Forbidden } from "@/lib/signatures/uds-403-forbidden";
import { edgeNextHopFailed } from "@/lib/signatures/edge-next-hop-failed";
import { xcpPort7400Unreachable } from "@/lib/signatures/xcp-port-7400-unreachable";
import { edgeConfigEmptyUds } from "@/lib/signatures/edge-config-empty-uds";
import { collabEdgeSanMismatch } from "@/lib/signatures/collab-edge-san-mismatch";
import { ssoSamlFailure } from "@/lib/signatures/sso-saml-failure";
import { sipCallNotFound, sipCallForbidden, sipCalleeUnreachable, sipServiceUnavailable } from "@/lib/signatures/sip-call-rejected";
import { sipMediaNotAcceptable } from "@/lib/signatures/sip-media-not-acceptable";
import { sipChallengeLoop } from "@/lib/signatures/sip-challenge-loop";
import { sipRegistrationRefused } from "@/lib/signatures/sip-registration-refused";
import { sipCallFixedDuration } from "@/lib/signatures/sip-call-fixed-duration";
import { alarmRaisedNotLowered } from "@/lib/signatures/alarm-raised-not-lowered";
import { hardwareFailure } from "@/lib/signatures/hardware-failure";
import { databaseFailure } from "@/lib/signatures/database-failure";
import { unifiedCmServerUnavailable } from "@/lib/signatures/unified-cm-server-unavailable";
import { clusterReplicationError } from "@/lib/signatures/cluster-replication-error";
import { clusterTlsPermissive } from "@/lib/signatures/cluster-tls-permissive";
import { expresswayEReverseDns } from "@/lib/signatures/expressway-e-reverse-dns";
import { smartLicensingCompliance } from "@/lib/signatures/smart-licensing-compliance";
import { mraSshTunnelFailure } from "@/lib/signatures/mra-ssh-tunnel-failure";
import { defaultPasswords } from "@/lib/signatures/default-passwords";
import { restartRequiredPending } from "@/lib/signatures/restart-required-pending";
import { clusterDatabaseInconsistent } from "@/lib/signatures/cluster-database-inconsistent";
import { clusterCommunicationFailure } from "@/lib/signatures/cluster-communication-failure";
import { dnsServerUnreachable } from "@/lib/signatures/dns-server-unreachable";
import { ldapServerUnreachable } from "@/lib/signatures/ldap-server-unreachable";
import { neighbourGatekeeperUnreachable } from "@/lib/signatures/neighbour-gatekeeper-unreachable";
import { ntpNotSynchronised } from "@/lib/signatures/ntp-not-synchronised";
import { callLicenseLimit } from "@/lib/signatures/call-license-limit";
import { applicationFailed } from "@/lib/signatures/application-failed";
import { restartDuringWindow } from "@/lib/signatures/restart-during-window";
import { diskFull } from "@/lib/signatures/disk-full";
import { serverCertificateValidity } from "@/lib/signatures/server-certificate-validity";
import { serverCertificateWeakCrypto } from "@/lib/signatures/server-certificate-weak-crypto";
import { trustStoreCaExpired } from "@/lib/signatures/trust-store-ca-expired";
import { zoneNotActive } from "@/lib/signatures/zone-not-active";
import { clusterPeerVersionMismatch } from "@/lib/signatures/cluster-peer-version-mismatch";
import { searchRulesNoMatch } from "@/lib/signatures/search-rules-no-match";
import { memoryExhausted } from "@/lib/signatures/memory-exhausted";
import { clusterPeerConfigDiffers } from "@/lib/signatures/cluster-peer-config-differs";

/** Bump when a signature is added, removed, or changes its version. */
export const CATALOG_VERSION = "2025.6.0";

export const SIGNATURES: readonly Signature[] = Object.freeze([
  x142TrafficServerVerification,
  tlsPresentedCertificateValidity,
  tlsCertificateNameCoverage,
  tlsCertificateDiffersByPort,
  verifyOriginServerOff,
  x142EcdsaPreferred,
  trustStoreDuplicateCn,
  cucmUntrustedExpresswayC,
  traversalTlsIdentity,
  traversalAuthentication,
  inboundTlsCertificate,
  uds401Unauthorized,
  uds403Forbidden,
  edgeNextHopFailed,
  xcpPort7400Unreachable,
  edgeConfigEmptyUds,
  collabEdgeSanMismatch,
  ssoSamlFailure,
  searchRulesNoMatch,
  sipCallNotFound,
  sipCallForbidden,
  sipMediaNotAcceptable,
  sipCalleeUnreachable,
  sipServiceUnavailable,
  sipChallengeLoop,
  sipRegistrationRefused,
  sipCallFixedDuration,
  memoryExhausted,
  alarmRaisedNotLowered,
  hardwareFailure,
  databaseFailure,
  unifiedCmServerUnavailable,
  clusterReplicationError,
  clusterTlsPermissive,
  expresswayEReverseDns,
  smartLicensingCompliance,
  mraSshTunnelFailure,
  defaultPasswords,
  restartRequiredPending,
  clusterDatabaseInconsistent,
  clusterCommunicationFailure,
  dnsServerUnreachable,
  ldapServerUnreachable,
  neighbourGatekeeperUnreachable,
  ntpNotSynchronised,
  callLicenseLimit,
  applicationFailed,
  restartDuringWindow,
  diskFull,
  serverCertificateValidity,
  serverCertificateWeakCrypto,
  trustStoreCaExpired,
  zoneNotActive,
  clusterPeerVersionMismatch,
  clusterPeerConfigDiffers,
]);

const ids = new Set<string>();
for (const s of SIGNATURES) {
  if (ids.has(s.id)) throw new Error(`duplicate signature id ${s.id}`);
  ids.add(s.id);
}

export function getSignature(id: string): Signature | undefined {
  return SIGNATURES.find((s) => s.id === id);
}

export function runSignatures(facts: Facts, signatures: readonly Signature[] = SIGNATURES): SignatureResult[] {
  return signatures.map((s) => runSignature(s, facts));
}
