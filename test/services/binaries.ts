/**
 * Where the services' programs are: on PATH, or else where Debian's packages put them. /usr/sbin (nginx) is
 * not on an ordinary user's PATH (PostgreSQL's binaries never are: test/services/postgres.ts names their folder).
 * Fails with the package to install when neither has the program.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

const DEBIAN = {
  "redis-server": { path: "/usr/bin/redis-server", package: "redis-server" },
  nginx: { path: "/usr/sbin/nginx", package: "nginx-light" },
} as const;

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBinary(name: keyof typeof DEBIAN): string {
  const known = DEBIAN[name];
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
  const found = [...onPath, known.path].find(executable);
  if (!found) throw new Error(`${name} is not installed (apt-get install ${known.package})`);
  return found;
}
