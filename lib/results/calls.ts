// The calls and registrations an analysis found in the SIP of its logs: the shapes the API returns
// (GET /api/analyses/:id/calls, /calls/:callId, /registrations) and the worker stores. A public
// contract like types.ts: extend, never rename.
import { z } from "zod";

export const CALL_STATES = ["answered", "rejected", "cancelled", "failed", "in_progress"] as const;
export const callStateSchema = z.enum(CALL_STATES);
export type CallState = z.infer<typeof callStateSchema>;

export const CALL_STATE_LABELS: Record<CallState, string> = {
  answered: "Answered",
  rejected: "Rejected",
  cancelled: "Cancelled",
  failed: "Failed",
  in_progress: "In progress",
};

/** A column of the ladder: an Expressway (by syslog host) or a peer it talked to (by IP, loopback by IP:port). */
export const callEntitySchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(["expressway", "peer"]),
  ip: z.string().nullable(),
  ports: z.array(z.number().int()),
  /** the Expressway's host name, or a peer's when the bundle shows it (another peer's log) */
  host: z.string().nullable(),
  /** e.g. "B2BUA" for the Expressway's back-to-back user agent, "local service" for other loopback peers */
  role: z.string().nullable(),
});
export type CallEntity = z.infer<typeof callEntitySchema>;

export const callMessageSchema = z.object({
  index: z.number().int().nonnegative(),
  /** as written in the log (syslog stamp with offset) */
  time: z.string(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  /** `INVITE`, `488 Not Acceptable Here` */
  label: z.string(),
  method: z.string().nullable(),
  code: z.number().int().nullable(),
  callId: z.string().nullable(),
  /** `101 INVITE` */
  cseq: z.string().nullable(),
  /** a final response of 300 and above (drawn red) */
  failure: z.boolean(),
  /** the log file and 1-based line of the summary (INFO) line, else of the message block's line */
  file: z.string(),
  line: z.number().int().positive(),
  /** the SIPMSG block's first line, when the block was logged */
  blockLine: z.number().int().positive().nullable(),
  /** the whole message as logged (bar and leading space removed), bounded; null without a block */
  text: z.string().nullable(),
  textTruncated: z.boolean(),
});
export type CallMessage = z.infer<typeof callMessageSchema>;

export const sdpOfferSchema = z.object({
  /** who sent it and to whom, by entity label */
  from: z.string(),
  to: z.string(),
  label: z.string(),
  media: z.array(
    z.object({
      type: z.string(),
      proto: z.string(),
      codecs: z.array(z.string()),
      crypto: z.array(z.string()),
    }),
  ),
});
export type SdpOffer = z.infer<typeof sdpOfferSchema>;

export const callSummarySchema = z.object({
  /** ours: stable within the analysis */
  id: z.string(),
  callIds: z.array(z.string()),
  /** aliases as dialled: the caller's From URI and the first INVITE's Request-URI */
  from: z.string().nullable(),
  to: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  durationSeconds: z.number().nonnegative().nullable(),
  state: callStateSchema,
  /** the final response code that decided the state (200, 404, 488...) */
  code: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** the Warning header of that response */
  warning: z.string().nullable(),
  /** who sent the BYE (entity label) and its Reason header */
  endedBy: z.string().nullable(),
  endReason: z.string().nullable(),
  /** `rejected 404`, `answered`...: the key calls are grouped and bounded by */
  cause: z.string(),
  entities: z.array(callEntitySchema),
  /** the Expressway hosts whose logs show the call */
  hosts: z.array(z.string()),
  userAgent: z.string().nullable(),
  messageCount: z.number().int().nonnegative(),
  /** false when the message list was not kept (past the first N calls of its cause, see limits) */
  messagesKept: z.boolean(),
  /** the log window cut the call: it started before the first line, or had not ended at the last */
  cutStart: z.boolean(),
  cutEnd: z.boolean(),
  /** 401/407 challenges to its INVITEs */
  challenges: z.number().int().nonnegative(),
  /** the Expressway's search for the dialled alias found nothing (`Search Completed` with found false) */
  searchNotFound: z.boolean(),
  /** SDP offers of its INVITEs (a few), for media and encryption mismatches */
  offers: z.array(sdpOfferSchema),
  /** the log lines that decided its state: the final response, and the BYE of an answered call */
  evidence: z.array(z.object({ file: z.string(), line: z.number().int().positive(), text: z.string() })),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

export const callDetailSchema = callSummarySchema.extend({ messages: z.array(callMessageSchema) });
export type CallDetail = z.infer<typeof callDetailSchema>;

export const registrationAttemptSchema = z.object({
  time: z.string(),
  code: z.number().int().nullable(),
  file: z.string(),
  line: z.number().int().positive(),
});

export const registrationSchema = z.object({
  aor: z.string(),
  contacts: z.array(z.string()),
  /** User-Agent of the registering device(s) */
  devices: z.array(z.string()),
  attempts: z.number().int().nonnegative(),
  /** final responses by code ("200", "401", "403"; "none" for attempts without one) */
  outcomes: z.record(z.string(), z.number().int().nonnegative()),
  lastCode: z.number().int().nullable(),
  /** seconds granted by the last 200 OK */
  expires: z.number().int().nullable(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  /** the latest attempts, newest last (a few) */
  recent: z.array(registrationAttemptSchema),
  hosts: z.array(z.string()),
});
export type Registration = z.infer<typeof registrationSchema>;

/** What could and could not be read or joined: the reading report's SIP part. */
export const sipReadingSchema = z.object({
  summaryLines: z.number().int().nonnegative(),
  messageBlocks: z.number().int().nonnegative(),
  /** summary and block of the same message found each other (by Msg-Hash) */
  paired: z.number().int().nonnegative(),
  summariesWithoutBlock: z.number().int().nonnegative(),
  blocksWithoutSummary: z.number().int().nonnegative(),
  malformedStartLines: z.number().int().nonnegative(),
  /** messages without a Call-ID, or without a method or code to place them */
  unplaced: z.number().int().nonnegative(),
  /** Call-IDs joined into one call through Session-ID / Local- / Remote-SessionID */
  legJoins: z.number().int().nonnegative(),
  /** joins refused because the calls were too far apart in time or already had many legs */
  refusedJoins: z.number().int().nonnegative(),
  /** a Call-ID seen again for a new call (another day, another From-tag) */
  callIdReused: z.number().int().nonnegative(),
  /** calls whose first message is not their INVITE (began before the log) */
  callsWithoutInvite: z.number().int().nonnegative(),
  /** call events (Call Attempted/Rejected, Search Completed) no call could be matched with */
  unmatchedEvents: z.number().int().nonnegative(),
  /** messages of other methods (OPTIONS keep-alives, SUBSCRIBE, NOTIFY, MESSAGE...) by method */
  otherMethods: z.record(z.string(), z.number().int().nonnegative()),
  /** messages of a call already folded under memory pressure (counted on it, not drawn) */
  afterFold: z.number().int().nonnegative(),
  /** messages whose timestamp is earlier than the message before them in the same file */
  outOfOrder: z.number().int().nonnegative(),
  /** calls still open (no final answer, no BYE) folded as they stood, past the open-call limit (0 in analyses before it) */
  callsFoldedOpen: z.number().int().nonnegative().default(0),
});
export type SipReading = z.infer<typeof sipReadingSchema>;

/** A reading with nothing counted yet (the call engine's start, the sum over a case's analyses). */
export function emptySipReading(): SipReading {
  return {
    summaryLines: 0,
    messageBlocks: 0,
    paired: 0,
    summariesWithoutBlock: 0,
    blocksWithoutSummary: 0,
    malformedStartLines: 0,
    unplaced: 0,
    legJoins: 0,
    refusedJoins: 0,
    callIdReused: 0,
    callsWithoutInvite: 0,
    unmatchedEvents: 0,
    otherMethods: {},
    afterFold: 0,
    outOfOrder: 0,
    callsFoldedOpen: 0,
  };
}

export const callsOutputSchema = z.object({
  /** every call kept, with its messages when kept (see limits) */
  calls: z.array(callSummarySchema.extend({ messages: z.array(callMessageSchema).nullable() })),
  registrations: z.array(registrationSchema),
  counts: z.object({
    calls: z.number().int().nonnegative(),
    /** calls found but not listed (past limits.maxCalls) */
    callsNotListed: z.number().int().nonnegative(),
    byState: z.record(z.string(), z.number().int().nonnegative()),
    byCause: z.record(z.string(), z.number().int().nonnegative()),
    registrations: z.number().int().nonnegative(),
    registrationsNotListed: z.number().int().nonnegative(),
  }),
  reading: sipReadingSchema,
  limits: z.object({
    messagesPerCause: z.number().int().nonnegative(),
    maxCalls: z.number().int().nonnegative(),
    maxMessagesPerCall: z.number().int().nonnegative(),
    maxRegistrations: z.number().int().nonnegative(),
  }),
});
export type CallsOutput = z.infer<typeof callsOutputSchema>;

/** details.sip of GET /api/analyses/:id: the counts the overview's Calls tab shows without loading the list. */
export const sipDetailSchema = z.object({
  calls: z.number().int().nonnegative(),
  /** calls rejected or failed (cancelled ones are counted in byState only) */
  failedCalls: z.number().int().nonnegative(),
  byState: z.record(z.string(), z.number().int().nonnegative()),
  registrations: z.number().int().nonnegative(),
  /** AORs whose attempts were refused (other than 401/407 challenges) and never accepted */
  refusedRegistrations: z.number().int().nonnegative(),
  reading: sipReadingSchema,
});
export type SipDetail = z.infer<typeof sipDetailSchema>;

/** Failed calls first (rejected, failed, cancelled, in progress, answered), then by start. */
export const STATE_ORDER: Record<CallState, number> = { failed: 0, rejected: 1, cancelled: 2, in_progress: 3, answered: 4 };

/** GET /api/analyses/:id/calls */
export type CallPage = { total: number; page: number; pageSize: number; items: CallSummary[] };
/** GET /api/analyses/:id/registrations */
export type RegistrationPage = { total: number; page: number; pageSize: number; items: Registration[] };
