// SSO over MRA fails at the SAML step: the IdP's response is rejected (`Invalid SAML Response`:
// signature, clock, audience) or carries no `uid` attribute for the user.
import type { Facts } from "@/lib/facts/facts";
import { collectSteps, field, listEntities, period, phraseEvaluation, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

type Reads = Pick<Facts, "events" | "logFiles">;

export const ssoSamlFailure = defineSignature(
  {
    id: "sso-saml-failure",
    version: 1,
    defects: [],
    title: "SSO over MRA: SAML response rejected or without uid attribute",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "MRA / SSO",
    summary: "Finds `Invalid SAML Response` and `No uid Attribute in Assertion` in the Expressway's SSO handling and names the affected peers and users.",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["events", "logFiles"],
    inputs: ["SSO / SAML log lines"],
    needles: ["Invalid SAML Response", "No uid Attribute in Assertion"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["saml_invalid_response", "saml_no_uid"],
    entity: (e) => {
      const user = field(e, "User", "Username", "NameID");
      const reason = e.kind === "saml_no_uid" ? "no uid attribute in the SAML assertion" : "invalid SAML response from the IdP";
      return { host: e.peer, ip: field(e, "Src-ip"), port: null, service: "SSO", reason: user ? `${reason} (user ${user})` : reason };
    },
    covered: (facts.events.counts.saml ?? 0) > 0,
    issue: (affected, events) => {
      const noUid = events.some((e) => e.kind === "saml_no_uid");
      const invalid = events.some((e) => e.kind === "saml_invalid_response");
      const steps: string[] = [];
      if (invalid) {
        steps.push(
          "Invalid SAML Response: re-import the IdP metadata on Expressway-C (Configuration > Unified Communications > Identity providers (IdP)) after any IdP certificate change; check the IdP signs the response / assertion as expected (SHA-256), that the Expressway-C SP metadata is current on the IdP, and that the clocks agree (NTP on Expressway and the IdP).",
        );
      }
      if (noUid) {
        steps.push(
          "No uid Attribute in Assertion: on the IdP's relying-party trust for Expressway-C, add a claim rule that releases the attribute named exactly `uid` with the user's CUCM user ID (e.g. sAMAccountName or UPN, as CUCM is synced).",
        );
      }
      return {
        description: `SSO sign-in over MRA failed ${plural(events.length, "time")}${period(affected)}: ${listEntities(affected)}.`,
        condition: [invalid ? "`Invalid SAML Response`" : null, noUid ? "`No uid Attribute in Assertion`" : null].filter(Boolean).join(" and ") + " in the logs.",
        furtherInformation:
          "Expressway-C is the SAML service provider for MRA clients: it checks the IdP's signed response and takes the user ID from the `uid` attribute to request an OAuth token from CUCM.",
        action: steps.map((s, i) => `${i + 1}. ${s}`).join("\n"),
      };
    },
    ok: () => ({
      description: "SAML lines are present and none reports an invalid response or a missing uid.",
      condition: "SAML lines present, no SAML failure.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "No SAML / SSO line is in the logs, so SSO over MRA cannot be checked (fine if SSO is not used).",
      condition: "No SAML line.",
      furtherInformation: "",
      action: collectSteps(["developer.edgeconfigprovisioning", "developer.sso"], "sign in with SSO from Jabber / Webex over MRA"),
    }),
  });
}
