// The `coverage` details view: what the bundle allowed the analysis to check and what it did not
// ("no SIP traffic in the logging window", "no xstat dump"), so that an empty Issues tab is not
// read as "all fine" when nothing was looked at.
import { z } from "zod";

export const COVERAGE_STATES = ["checked", "partial", "not_checked"] as const;

export const coverageItemSchema = z.object({
  /** stable key, e.g. "sip", "status-dump" */
  key: z.string(),
  /** what it is about, e.g. "SIP calls and registrations" */
  subject: z.string(),
  state: z.enum(COVERAGE_STATES),
  /** one sentence: what the bundle had, or what was missing and what it means */
  text: z.string(),
});
export type CoverageItem = z.infer<typeof coverageItemSchema>;

export const coverageDetailSchema = z.object({
  items: z.array(coverageItemSchema),
  /** signatures whose outcome was `missing` (they could not run on this bundle) */
  missingSignatures: z.number().int().nonnegative(),
});
export type CoverageDetail = z.infer<typeof coverageDetailSchema>;
