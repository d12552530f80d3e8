/**
 * The `npm run users` commands as a function (scripts/users.ts is its entry), so tests run it in-process.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { deleteAccount, findAccountByEmail, listAccounts } from "../../lib/db/repositories/accounts";
import { AccountError } from "../../lib/db/repositories/errors";
import {
  emailSchema,
  nameSchema,
  parseAttributeLines,
  roleSchema,
  tableauInputSchema,
} from "../../lib/directory/account-input";
import { addAccount, importDirectory, InputError, setPassword } from "../../lib/directory/manage";
import { CliError, openCliDb, type CliEnv } from "../cli-db";

export interface CliIo {
  /** The password, when a command asks for one (the terminal, or stdin's first line). */
  readPassword(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = "use list, add, passwd, remove or import (see the header of scripts/users.ts)";

function parsed<T>(
  result: { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } },
): T {
  if (!result.success) throw new CliError(result.error.issues.map((i) => i.message).join(" "));
  return result.data;
}

/** Runs one `npm run users` command; throws CliError with what to tell the user. */
export async function usersCli(args: string[], env: CliEnv, io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      role: { type: "string", default: "viewer" },
      "tableau-user": { type: "string" },
      attr: { type: "string", multiple: true, default: [] },
      group: { type: "string", multiple: true, default: [] },
      search: { type: "string", default: "" },
    },
  });
  const [command, argument] = positionals;
  if (!["list", "add", "passwd", "remove", "import"].includes(command ?? ""))
    throw new CliError(`unknown command "${command ?? ""}": ${USAGE}`);
  const cli = await openCliDb(env);
  try {
    if (command === "list") {
      const { rows, total } = await listAccounts(cli.db, { search: values.search, pageSize: 100_000 });
      for (const u of rows)
        io.out(
          `${u.email}\t${u.role}\t${u.name}\t${u.tableau ? `→ ${u.tableau.username}` : "(no Tableau user)"}${u.disabled ? "\t(disabled)" : ""}`,
        );
      io.err(`${total} account${total === 1 ? "" : "s"}`);
      return;
    }
    if (command === "import") {
      const file = argument ?? "";
      if (!file) throw new CliError("give the directory file to import");
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        throw new CliError(`${file} cannot be read`);
      }
      const result = await importDirectory(cli.db, text, file, "cli");
      io.out(
        `imported ${result.added.length} (${result.added.join(", ") || "none"}); kept ${result.kept.length} already there`,
      );
      return;
    }
    const email = parsed(emailSchema.safeParse(argument ?? ""));
    if (command === "add") {
      const { attributes, error } = parseAttributeLines(values.attr);
      if (error) throw new CliError(`--attr wants Name=value: ${error}`);
      const tableau = parsed(
        tableauInputSchema.safeParse({
          username: values["tableau-user"] ?? "",
          attributes,
          groups: values.group,
        }),
      );
      const name = parsed(nameSchema.safeParse(values.name ?? ""));
      const role = parsed(roleSchema.safeParse(values.role));
      await addAccount(cli.db, { email, name, role, tableau, password: await io.readPassword() }, "cli", {
        demo: cli.demo,
      });
      io.out(`added ${email}`);
      return;
    }
    const account = await findAccountByEmail(cli.db, email);
    if (!account) throw new CliError(`there is no account for ${email}`);
    if (command === "passwd") {
      await setPassword(cli.db, account, await io.readPassword(), "cli", {
        demo: cli.demo,
        mustChange: false,
      });
      io.out(`password changed for ${email}`);
    } else {
      await deleteAccount(cli.db, account.id, account.version, "cli");
      io.out(`removed ${email}`);
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof AccountError) throw new CliError(error.message);
    throw error;
  } finally {
    await cli.close();
  }
}
