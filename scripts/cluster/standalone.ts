/**
 * The portal as shipped: Next's standalone output (`output: "standalone"`), `node .next/standalone/server.js`,
 * one build for every instance. Next leaves the static assets and public/ out of the standalone folder (a CDN
 * may serve them); they are copied in here, as the Dockerfile does.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { start, type Started } from "../processes";

const STANDALONE = join(".next", "standalone");

export function prepareStandalone(): string {
  const server = join(STANDALONE, "server.js");
  if (!existsSync(server))
    throw new Error(`${server} is missing: run npm run build (next.config.ts sets output: "standalone")`);
  rmSync(join(STANDALONE, ".next", "static"), { recursive: true, force: true });
  cpSync(join(".next", "static"), join(STANDALONE, ".next", "static"), { recursive: true });
  if (existsSync("public")) cpSync("public", join(STANDALONE, "public"), { recursive: true });
  return resolve(server);
}

/** One instance on 127.0.0.1:`port`. The standalone server changes to its own folder: paths must be absolute. */
export function startInstance(
  server: string,
  name: string,
  port: number,
  env: Record<string, string>,
  output: "inherit" | "ignore" | number = "inherit",
): Started {
  return start(
    name,
    process.execPath,
    [server],
    { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    output,
  );
}
