// Session tokens are kept in the database only as their SHA-256, so a copy of the database (a backup, a
// replica, an SQL injection elsewhere) holds nothing a cookie can be made from: the cookie carries the
// token, the table its hash, and the hash cannot be turned back. (The cookie's signing secret may sit in
// the same database; without a token it signs nothing useful.)
//
// better-auth has no such option, so this wraps its database adapter for the `session` model:
//   - create: the new row stores hash(token); the answer carries the token, which becomes the cookie;
//   - lookups and updates by token compare with hash(token) and hand the token back in the row;
//   - deletes by token accept the token or a stored hash (a list of sessions holds only hashes; deleting
//     needs a signed-in request anyway, and a hash never matches a lookup, so it signs no one in).
// Rows read any other way (by user) carry the hash in `token`.
import type { BetterAuthOptions, DBAdapter, Where } from "better-auth";
import { hashToken } from "@/lib/auth/token";

type Adapter = DBAdapter<BetterAuthOptions>;
type AnyRow = Record<string, unknown> & { token?: unknown };

const isSession = (model: string) => model === "session";

/** The token a where clause names by equality, if it names exactly one. */
function tokenOf(where: Where[] | undefined): string | null {
  const w = where?.find((c) => c.field === "token");
  return w && (w.operator ?? "eq") === "eq" && typeof w.value === "string" ? w.value : null;
}

function hashWhere(where: Where[] | undefined, alsoStored: boolean): Where[] | undefined {
  return where?.map((c) => {
    if (c.field !== "token") return c;
    const values = Array.isArray(c.value) ? (c.value as string[]) : [c.value as string];
    const hashed = values.flatMap((v) => (alsoStored ? [hashToken(v), v] : [hashToken(v)]));
    if (!alsoStored && !Array.isArray(c.value) && (c.operator ?? "eq") === "eq") return { ...c, value: hashed[0] };
    return { ...c, operator: "in", value: hashed };
  });
}

function restore<T>(row: T, token: string | null): T {
  if (!row || !token) return row;
  return { ...(row as AnyRow), token } as T;
}

function restoreMany<T>(rows: T[], where: Where[] | undefined): T[] {
  // `in` lookups (findSessions): map each stored hash back to the token asked for
  const w = where?.find((c) => c.field === "token");
  if (!w) return rows;
  const asked = Array.isArray(w.value) ? (w.value as string[]) : [w.value as string];
  const byHash = new Map(asked.map((t) => [hashToken(t), t]));
  return rows.map((r) => {
    const token = byHash.get(String((r as AnyRow).token));
    return token ? restore(r, token) : r;
  });
}

function wrap<A extends Omit<Adapter, "transaction">>(adapter: A): A {
  return {
    ...adapter,
    create: async (data) => {
      if (!isSession(data.model) || typeof (data.data as AnyRow).token !== "string") return adapter.create(data);
      const token = (data.data as AnyRow).token as string;
      const row = await adapter.create({ ...data, data: { ...data.data, token: hashToken(token) } });
      return restore(row, token);
    },
    findOne: async (data) => {
      if (!isSession(data.model)) return adapter.findOne(data);
      return restore(await adapter.findOne({ ...data, where: hashWhere(data.where, false)! }), tokenOf(data.where));
    },
    findMany: async (data) => {
      if (!isSession(data.model)) return adapter.findMany(data);
      return restoreMany(await adapter.findMany({ ...data, where: hashWhere(data.where, false) }), data.where);
    },
    count: async (data) => (isSession(data.model) ? adapter.count({ ...data, where: hashWhere(data.where, false) }) : adapter.count(data)),
    update: async (data) => {
      if (!isSession(data.model)) return adapter.update(data);
      const update = typeof data.update.token === "string" ? { ...data.update, token: hashToken(data.update.token) } : data.update;
      const row = await adapter.update({ ...data, where: hashWhere(data.where, false)!, update });
      return restore(row, typeof data.update.token === "string" ? data.update.token : tokenOf(data.where));
    },
    updateMany: async (data) => {
      if (!isSession(data.model)) return adapter.updateMany(data);
      const update = typeof data.update.token === "string" ? { ...data.update, token: hashToken(data.update.token) } : data.update;
      return adapter.updateMany({ ...data, where: hashWhere(data.where, false)!, update });
    },
    delete: async (data) => (isSession(data.model) ? adapter.delete({ ...data, where: hashWhere(data.where, true)! }) : adapter.delete(data)),
    deleteMany: async (data) => (isSession(data.model) ? adapter.deleteMany({ ...data, where: hashWhere(data.where, true)! }) : adapter.deleteMany(data)),
  } as A;
}

/** `database` for betterAuth(): the given adapter, storing session tokens hashed. */
export function hashSessionTokens(factory: (options: BetterAuthOptions) => Adapter) {
  return (options: BetterAuthOptions): Adapter => {
    const adapter = factory(options);
    const wrapped = wrap(adapter) as Adapter;
    if (adapter.transaction) {
      wrapped.transaction = (callback) => adapter.transaction((trx) => callback(wrap(trx)));
    }
    return wrapped;
  };
}
