// Administration without the web page, for first runs and automation:
//   npm run admin -- create-user --email <e> --password <p> [--name <n>] [--workspace <name>]
//   npm run admin -- create-token --email <e> --name <n> [--workspace <name>]   (prints the token once)
//   npm run admin -- adopt-analyses --workspace <name>   (analyses from before accounts join that workspace)
//   npm run admin -- list-users
// On the embedded database it must run while the portal is stopped (one process owns PGlite); with
// DATABASE_URL it works at any time.
import { parseArgs } from "node:util";
import { getConfig } from "@/lib/platform/config";
import { openDatabase, type Database } from "@/lib/platform/db/open";
import { getAuth } from "@/lib/auth/auth";
import { passwordProblem } from "@/lib/auth/password-policy";
import { setServices } from "@/lib/platform/services";
import { createLocalStorage } from "@/lib/platform/storage/local-storage";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { ensureWorkspace } from "@/lib/workspaces/ensure-workspace";

const USAGE = `usage: npm run admin -- <command> [options]
  create-user     --email <e> --password <p> [--name <n>] [--workspace <name>]
  create-token    --email <e> --name <token name> [--workspace <name>]
  adopt-analyses  --workspace <name>
  list-users`;

class UsageError extends Error {}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, workspace: { type: "string" } },
    strict: true,
  });
  if (!command || !["create-user", "create-token", "adopt-analyses", "list-users"].includes(command)) throw new UsageError(USAGE);

  const config = getConfig();
  let db: Database;
  try {
    db = await openDatabase();
  } catch (err) {
    const message = (err as Error).message;
    if (!config.DATABASE_URL && /in use by process/.test(message)) {
      throw new Error(`${message}.\nThe admin command needs the embedded database to itself: stop the portal (npm start), run the command, start it again.`);
    }
    throw err;
  }
  // The admin command needs the database only: no queue, no worker.
  setServices({ config, db, boss: null as never, storage: createLocalStorage(config.uploadsDir), worker: false });
  try {
    if (command === "create-user") await createUser(db, values);
    else if (command === "create-token") await createToken(db, values);
    else if (command === "adopt-analyses") await adoptAnalyses(db, values);
    else await listUsers(db);
  } finally {
    setServices(undefined);
    await db.close();
  }
}

type Opts = { email?: string; password?: string; name?: string; workspace?: string };

const need = (v: string | undefined, flag: string) => {
  if (!v) throw new UsageError(`${flag} is required\n${USAGE}`);
  return v;
};

async function createUser(db: Database, o: Opts) {
  const email = need(o.email, "--email").trim().toLowerCase();
  const password = need(o.password, "--password");
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(`the password is refused: ${problem}`);
  // Sign-up answers a taken address like a free one (no account enumeration), so ask the database here.
  if (await db.prisma.user.findUnique({ where: { email } })) throw new UsageError(`a user with the email ${email} exists already`);
  const auth = await getAuth();
  const { user } = await auth.api.signUpEmail({ body: { email, password, name: o.name?.trim() || email.split("@")[0] } });
  if (o.workspace) {
    const name = o.workspace.trim();
    const existing = await db.prisma.workspace.findFirst({ where: { name }, orderBy: { createdAt: "asc" } });
    if (existing) {
      await db.prisma.membership.create({ data: { userId: user.id, workspaceId: existing.id, role: "member" } });
      console.log(`created ${email}, member of the existing workspace "${name}"`);
    } else {
      await db.prisma.workspace.create({ data: { name, memberships: { create: { userId: user.id, role: "owner" } } } });
      console.log(`created ${email}, owner of the new workspace "${name}"`);
    }
  } else {
    const [ws] = await ensureWorkspace(user);
    console.log(`created ${email}, owner of the new workspace "${ws.name}"`);
  }
}

async function createToken(db: Database, o: Opts) {
  const email = need(o.email, "--email").trim().toLowerCase();
  const name = need(o.name, "--name");
  const user = await db.prisma.user.findUnique({ where: { email } });
  if (!user) throw new UsageError(`no user ${email}; create it with create-user`);
  const workspaces = await ensureWorkspace(user);
  const ws = o.workspace
    ? workspaces.find((w) => w.name === o.workspace || w.id === o.workspace)
    : (workspaces.find((w) => w.id === user.activeWorkspaceId) ?? workspaces[0]);
  if (!ws) throw new UsageError(`${email} is not a member of a workspace "${o.workspace}"`);
  const created = await createApiToken(user.id, ws.id, name);
  console.error(`token "${created.name}" for ${email} in workspace "${ws.name}" (shown once, stored hashed):`);
  console.log(created.token);
}

async function adoptAnalyses(db: Database, o: Opts) {
  const name = need(o.workspace, "--workspace");
  const ws = await db.prisma.workspace.findFirst({ where: { OR: [{ id: name }, { name }] }, orderBy: { createdAt: "asc" } });
  if (!ws) throw new UsageError(`no workspace "${name}"`);
  const { count } = await db.prisma.analysis.updateMany({ where: { workspaceId: null }, data: { workspaceId: ws.id } });
  console.log(`${count} analyses from before accounts now belong to "${ws.name}"`);
}

async function listUsers(db: Database) {
  const users = await db.prisma.user.findMany({ include: { memberships: { include: { workspace: true } } }, orderBy: { createdAt: "asc" } });
  for (const u of users) console.log(`${u.email}\t${u.memberships.map((m) => `${m.workspace.name} (${m.role})`).join(", ") || "-"}`);
  if (users.length === 0) console.log("no users yet");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof UsageError ? err.message : `admin: ${(err as Error)?.message ?? err}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
