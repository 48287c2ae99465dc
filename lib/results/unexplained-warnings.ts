// WARNING / ERROR lines no signature explained, grouped into templates (variable parts masked)
// so nothing in a log goes unseen. Schema only: imported by pages too.
import { z } from "zod";

export const warningTemplateSchema = z.object({
  /** the line with timestamps, addresses, numbers, hex and names masked */
  template: z.string(),
  level: z.string(),
  process: z.string().nullable(),
  count: z.number().int().positive(),
  sample: z.object({ file: z.string(), line: z.number().int().positive(), text: z.string() }),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
});
export type WarningTemplate = z.infer<typeof warningTemplateSchema>;

export const unexplainedWarningsDetailSchema = z.object({
  /** WARNING / ERROR lines in the logs (explained or not) */
  totalLines: z.number().int().nonnegative(),
  /** lines in the templates below */
  unexplainedLines: z.number().int().nonnegative(),
  templates: z.array(warningTemplateSchema),
  /** more templates existed than were kept */
  truncated: z.boolean(),
});
export type UnexplainedWarningsDetail = z.infer<typeof unexplainedWarningsDetailSchema>;
