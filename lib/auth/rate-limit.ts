// In-process token buckets for sign-in, sign-up and uploads. One web process holds the counts; several
// web processes behind a load balancer each keep their own (see README).
export type Bucket = { capacity: number; perSecond: number };

type State = { tokens: number; at: number };
const KEY = Symbol.for("expressway-analyzer.rate-limits");
type Holder = { [KEY]?: Map<string, State> };

function table(): Map<string, State> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Map());
}

/** Takes one token; returns 0 when allowed, otherwise the seconds until one is available. */
export function take(key: string, bucket: Bucket, now = Date.now()): number {
  const states = table();
  const state = states.get(key) ?? { tokens: bucket.capacity, at: now };
  state.tokens = Math.min(bucket.capacity, state.tokens + ((now - state.at) / 1000) * bucket.perSecond);
  state.at = now;
  if (state.tokens >= 1) {
    state.tokens -= 1;
    states.set(key, state);
    if (states.size > 50_000) prune(states, now, bucket);
    return 0;
  }
  states.set(key, state);
  return Math.max(1, Math.ceil((1 - state.tokens) / bucket.perSecond));
}

/** Refills a bucket: a sign-in that succeeded was no guess, so it does not count against the next ones. */
export function forgive(key: string): void {
  table().delete(key);
}

/** Full buckets carry no information; forget them so the table stays small. */
function prune(states: Map<string, State>, now: number, bucket: Bucket) {
  for (const [key, s] of states) if (s.tokens + ((now - s.at) / 1000) * bucket.perSecond >= bucket.capacity) states.delete(key);
}

/** "10/60" -> 10 per 60 s: capacity 10, refilled at 10/60 per second. */
export function parseRate(spec: string | undefined, fallback: string): Bucket {
  const m = /^(\d+)\/(\d+)$/.exec((spec ?? "").trim()) ?? /^(\d+)\/(\d+)$/.exec(fallback)!;
  const capacity = Math.max(1, Number(m[1]));
  return { capacity, perSecond: capacity / Math.max(1, Number(m[2])) };
}

export const limits = {
  /** sign-in attempts per client address and email */
  signIn: () => parseRate(process.env.RATE_LIMIT_SIGN_IN, "10/300"),
  /** sign-in and sign-up requests per client address */
  authPerAddress: () => parseRate(process.env.RATE_LIMIT_AUTH_PER_ADDRESS, "30/300"),
  /** uploads per user */
  upload: () => parseRate(process.env.RATE_LIMIT_UPLOAD, "30/60"),
};
