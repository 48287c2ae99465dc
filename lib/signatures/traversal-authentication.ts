// Traversal zone authentication: Expressway-E refuses the traversal client's credentials
// ("Incorrect authentication credential"): username / password differ between C and E.
import type { Facts } from "@/lib/facts/facts";
import { collectSteps, field, listEntities, period, phraseEvaluation, plural, processLines, toPort } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

type Reads = Pick<Facts, "events" | "logFiles">;

export const traversalAuthentication = defineSignature(
  {
    id: "traversal-authentication",
    version: 1,
    defects: [],
    title: "Traversal zone: incorrect authentication credential",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "Traversal zone",
    summary: "Finds `Incorrect authentication credential`: the traversal client (Expressway-C) authenticates with a username or password the Expressway-E does not accept.",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["events", "logFiles"],
    inputs: ["tvcs authentication events (Event Log)"],
    needles: ["Incorrect authentication credential"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["auth_incorrect_credential"],
    entity: (e) => {
      const port = toPort(field(e, "Src-port") ? null : field(e, "Dst-port"));
      const user = field(e, "Auth-username", "Username", "Auth-user", "User", "Src-alias");
      return {
        host: null,
        ip: field(e, "Src-ip"),
        port,
        service: "traversal zone",
        reason: `credentials rejected${user ? ` for ${user}` : ""}`,
      };
    },
    covered: processLines(facts, (p) => p === "tvcs") > 0,
    issue: (affected) => ({
      description: `Expressway refused ${plural(affected.reduce((n, a) => n + a.count, 0), "authentication attempt")} with \`Incorrect authentication credential\`${period(affected)}: ${listEntities(affected)}. The traversal zone stays down (or registrations through it fail).`,
      condition: "tvcs logged `Incorrect authentication credential`.",
      furtherInformation:
        "The traversal client zone on Expressway-C sends the Username and Password of its Connection credentials; Expressway-E checks them against its local authentication database (Configuration > Authentication > Devices > Local database). Both are case-sensitive.",
      action: [
        "1. On Expressway-E: Configuration > Authentication > Devices > Local database: check the credential named as in the traversal client zone (note the user above) and reset its password.",
        "2. On every Expressway-C peer: Configuration > Zones > (traversal client zone) > Connection credentials: re-enter the same username and password.",
        "3. Check Status > Zones until the zone is Active.",
      ].join("\n"),
    }),
    ok: () => ({
      description: "No `Incorrect authentication credential` in the logs.",
      condition: "tvcs lines present, no authentication failure.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "The bundle has no tvcs log lines, so traversal authentication failures cannot be seen.",
      condition: "No log, or no tvcs lines.",
      furtherInformation: "Bundles from the Expressway-E show the refusals; the Expressway-C bundle shows its zone retrying.",
      action: collectSteps(["network.sip"], "wait for the traversal zone to retry"),
    }),
  });
}
