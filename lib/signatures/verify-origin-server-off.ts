// VerifyOriginServer Off on X14.2+: the workaround for CSCwc69661 left in place switches off the
// certificate check of CUCM / IM&P / Unity Connection, exposing MRA traffic to impersonation.
import { type Facts, configValues } from "@/lib/facts/facts";
import { collectSteps, versionAtLeast, versionEvidence } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, bugReference, defineSignature } from "@/lib/signatures/signature";

const KEY = "EdgeConfigServer VerifyOriginServer";

type Reads = Pick<Facts, "config" | "files" | "version">;

export const verifyOriginServerOff = defineSignature(
  {
    id: "verify-origin-server-off",
    version: 1,
    defects: ["CSCwc69661"],
    title: "Origin server certificate verification is switched off (VerifyOriginServer Off)",
    severity: "medium",
    category: "misconfiguration",
    outcomes: ["potential", "ok", "not_applicable", "missing"],
    area: "MRA / certificates",
    summary:
      "Reads `xConfiguration EdgeConfigServer VerifyOriginServer` on X14.2 and later: Off is the short-term workaround for CSCwc69661 and leaves the internal servers' certificates unchecked.",
    products: ["Expressway-C"],
    appliesTo: { from: "X14.2.0", below: null },
    reads: ["config", "files", "version"],
    inputs: ["software version (xstat_dump)", `xConfiguration ${KEY} (xconf_dump)`],
    references: [bugReference("CSCwc69661")],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  const atLeast = versionAtLeast(facts, 14, 2);
  const values = configValues(facts, KEY);
  const off = values.filter((v) => v.value.trim().toLowerCase() === "off");
  const hasXconf = facts.files.some((f) => f.kind === "xconf");
  if (atLeast === null) {
    return {
      outcome: "missing",
      description: "The software version is unknown (no xstat_dump and no version in the log), so it cannot be told whether VerifyOriginServer applies.",
      condition: "No software version found.",
      furtherInformation: "The setting exists from X14.2, where the traffic server verifies the certificates of CUCM, IM&P and Unity Connection.",
      action: collectSteps([], "wait a minute"),
      evidence: [],
    };
  }
  if (!atLeast) {
    return {
      outcome: "not_applicable",
      description: `The Expressway runs ${facts.version!.value}; VerifyOriginServer and the certificate verification it controls were introduced in X14.2.`,
      condition: "Version below X14.2.",
      furtherInformation: "After an upgrade to X14.2 or later, make sure the certificates of CUCM, IM&P and Unity Connection are trusted before MRA is used.",
      action: "No action needed.",
      evidence: versionEvidence(facts),
    };
  }
  if (!hasXconf) {
    return {
      outcome: "missing",
      description: "The bundle has no xconf_dump, so the VerifyOriginServer setting is unknown.",
      condition: "No xconf_dump in the bundle.",
      furtherInformation: "The configuration dump is written when diagnostic logging starts; a bundle taken after a restart may lack it.",
      action: collectSteps([], "wait a minute"),
      evidence: [],
    };
  }
  if (off.length > 0) {
    return {
      outcome: "potential",
      description:
        "VerifyOriginServer is Off: Expressway-C does not check the certificates of the CUCM, IM&P and Unity Connection servers it proxies MRA requests to. Anyone able to answer on those addresses inside the network can impersonate them and read or alter what passes: user credentials and OAuth tokens, UDS data, TFTP configuration files and voicemail.",
      condition: `\`xConfiguration ${KEY}: Off\` on ${facts.version!.value}.`,
      furtherInformation:
        "Off is the documented short-term workaround for CSCwc69661 / CSCwa25108 after an upgrade to X14.2 broke MRA; it should be removed once the servers' certificates are trusted.",
      action: [
        "1. Upload the CA (or self-signed) certificates of every CUCM, IM&P and Unity Connection node under Maintenance > Security > Trusted CA certificate on every Expressway-C peer.",
        `2. Turn verification back on: \`xConfiguration ${KEY}: On\`.`,
        "3. Reproduce an MRA sign-in with diagnostic logging and check this portal for verification failures.",
      ].join("\n"),
      evidence: off.filter((s) => s.source).map((s) => ({ file: s.source!.file, line: s.source!.line, text: s.source!.text })),
    };
  }
  return {
    outcome: "ok",
    description: values.length > 0 ? `VerifyOriginServer is ${values[0].value}: the internal servers' certificates are verified.` : "VerifyOriginServer is not set to Off (the default is On).",
    condition: `${facts.version!.value}, \`${KEY}\` not Off.`,
    furtherInformation: "With verification on, certificate problems show up as traffic server verification failures (see the X14.2 check).",
    action: "No action needed.",
    evidence: values.filter((s) => s.source).map((s) => ({ file: s.source!.file, line: s.source!.line, text: s.source!.text })),
  };
}
