// The page anchor of one finding (#sig-<id>), shared by the cards, the What changed panel and the
// history rows that link to the finding a search matched.
export function resultAnchor(signatureId: string): string {
  return `sig-${signatureId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
