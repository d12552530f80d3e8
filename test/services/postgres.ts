/**
 * A real PostgreSQL 15 for tests (Debian's postgresql-15): initdb into a temporary folder, started on a free
 * port on 127.0.0.1, stopped and removed afterwards. initdb refuses to run as root, so as root the server runs as
 * the `postgres` user the package creates. Fails with what to install when the binaries are missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

export interface RunningPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function run(command: string, args: string[], asPostgres: boolean): void {
  const result = asPostgres
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(quote).join(" ")], {
        encoding: "utf8",
      })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

export async function startPostgres(): Promise<RunningPostgres> {
  if (!existsSync(`${BIN}/initdb`))
    throw new Error(
      "PostgreSQL 15 is not installed (apt-get install postgresql-15); the database tests need it.",
    );
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "vizport-pg-"));
  if (asPostgres) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  run(
    `${BIN}/initdb`,
    ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"],
    asPostgres,
  );
  run(
    `${BIN}/pg_ctl`,
    [
      "-D",
      data,
      "-l",
      join(dir, "server.log"),
      "-w",
      "start",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ],
    asPostgres,
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        run(`${BIN}/pg_ctl`, ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
