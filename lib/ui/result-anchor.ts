// The id of a result card on the overview (#sig-<id>): links to a finding and the log viewer's way back use it.
export function resultAnchor(signatureId: string): string {
  return `sig-${signatureId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
