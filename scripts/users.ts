/**
 * Manage the portal's user directory without hand-editing hashes.
 *
 *   npm run users -- list
 *   npm run users -- add <email> --name "Full Name" [--role viewer|admin] [--tableau-user <name>]
 *                        [--attr Region=East] [--attr Region=West] [--group Sales]
 *   npm run users -- passwd <email>
 *   npm run users -- remove <email>
 *
 * The password is read from the terminal without echo, or from the first line of stdin when piped.
 * The file is VIZPORT_DIRECTORY_FILE's default (data/directory.json) unless --file <path> is given.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/directory/password";
import { parseDirectory } from "../lib/directory/store";
import { directoryUserSchema, type DirectoryFile, type DirectoryUser } from "../lib/directory/schema";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    file: { type: "string", default: "data/directory.json" },
    name: { type: "string" },
    role: { type: "string", default: "viewer" },
    "tableau-user": { type: "string" },
    attr: { type: "string", multiple: true, default: [] },
    group: { type: "string", multiple: true, default: [] },
  },
});

function fail(message: string): never {
  process.stderr.write(`users: ${message}\n`);
  process.exit(1);
}

function load(): DirectoryFile {
  try {
    return parseDirectory(readFileSync(values.file, "utf8"), values.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { users: [] };
    fail(error instanceof Error ? error.message : String(error));
  }
}

function save(file: DirectoryFile): void {
  // Write then rename, so a running portal never reads a half-written file.
  const tmp = `${values.file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(tmp, values.file);
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write("New password: ");
    // Mute the echo of what is typed; readline still receives it.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  const line = await new Promise<string>((resolve) =>
    rl.once("line", resolve).once("close", () => resolve("")),
  );
  rl.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  if (line.length < 8) fail("the password must be at least 8 characters");
  return line;
}

function parseAttributes(pairs: string[]): Record<string, string | string[]> {
  const attributes: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const [key, value] = pair.split("=", 2);
    if (!key || value === undefined) fail(`--attr wants Name=value, got "${pair}"`);
    const existing = attributes[key];
    attributes[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return attributes;
}

async function main(): Promise<void> {
  const [command, rawEmail] = positionals;
  const file = load();
  const email = rawEmail?.trim().toLowerCase();
  const index = file.users.findIndex((user) => user.email === email);

  if (command === "list") {
    for (const u of file.users) {
      console.log(
        `${u.email}\t${u.role}\t${u.name}\t${u.tableau ? `→ ${u.tableau.username}` : "(no Tableau user)"}`,
      );
    }
    return;
  }
  if (!["add", "passwd", "remove"].includes(command ?? "")) {
    fail(`unknown command "${command ?? ""}": use list, add, passwd or remove`);
  }
  if (!email) fail("give an e-mail address (see the header of scripts/users.ts for usage)");
  if (command === "add") {
    if (index >= 0) fail(`${email} already exists; use passwd to change the password`);
    const tableauUser = values["tableau-user"];
    const candidate = {
      email,
      name: values.name ?? fail("--name is required"),
      role: values.role,
      passwordHash: await hashPassword(await readPassword()),
      ...(tableauUser
        ? {
            tableau: {
              username: tableauUser,
              attributes: parseAttributes(values.attr),
              groups: values.group,
            },
          }
        : {}),
    };
    const parsed = directoryUserSchema.safeParse(candidate);
    if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    save({ users: [...file.users, parsed.data] });
    console.log(`added ${email}`);
  } else if (command === "passwd") {
    const user: DirectoryUser = file.users[index] ?? fail(`${email} is not in ${values.file}`);
    file.users[index] = { ...user, passwordHash: await hashPassword(await readPassword()) };
    save(file);
    console.log(`password changed for ${email}`);
  } else if (command === "remove") {
    if (index < 0) fail(`${email} is not in ${values.file}`);
    save({ users: file.users.filter((_, i) => i !== index) });
    console.log(`removed ${email}`);
  } else {
    fail(`unknown command "${command ?? ""}": use list, add, passwd or remove`);
  }
}

await main();
