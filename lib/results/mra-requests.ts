// The MRA requests view: every request the traffic server proxied (time, user, target, status,
// failure), and a per-server summary. Schema only: imported by pages too.
import { z } from "zod";

export const mraRequestRowSchema = z.object({
  time: z.string(),
  /** the Expressway peer that logged it */
  peer: z.string().nullable(),
  user: z.string().nullable(),
  domain: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  service: z.string().nullable(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  status: z.number().int().nullable(),
  /** why it failed, e.g. "certificate verification failed: self signed certificate (depth 0)" */
  failure: z.string().nullable(),
  /** the request's TrackingID, the same on Expressway-E and -C (absent on rows stored before it was read) */
  trackingId: z.string().nullable().optional(),
  file: z.string(),
  line: z.number().int().positive(),
});
export type MraRequestRow = z.infer<typeof mraRequestRowSchema>;

export const mraServerSummarySchema = z.object({
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  service: z.string().nullable(),
  requests: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  users: z.number().int().nonnegative(),
  /** status code (or "none") -> count */
  statuses: z.record(z.string(), z.number().int().nonnegative()),
  lastFailure: z.string().nullable(),
});
export type MraServerSummary = z.infer<typeof mraServerSummarySchema>;

export const mraRequestsDetailSchema = z.object({
  /** requests with a decodable MRA target seen in the logs */
  total: z.number().int().nonnegative(),
  /** rows kept (the first N), see `total` */
  rows: z.array(mraRequestRowSchema),
  servers: z.array(mraServerSummarySchema),
});
export type MraRequestsDetail = z.infer<typeof mraRequestsDetailSchema>;
