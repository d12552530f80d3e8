/**
 * `npm run bench [name…]`: runs scripts/bench/<name>.ts for each name given, or every benchmark in this folder.
 * Each benchmark is standalone: it starts what it needs on free ports and stops it. Shared helpers live in
 * scripts/bench/lib/, which is not scanned.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const NOT_BENCHMARKS = new Set(["index"]);

const available = readdirSync(here)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => file.slice(0, -3))
  .filter((name) => !NOT_BENCHMARKS.has(name))
  .sort();
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const names = requested.length > 0 ? requested : available;

let failed = false;
for (const name of names) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file) || NOT_BENCHMARKS.has(name)) {
    console.error(`bench: no benchmark "${name}" (available: ${available.join(", ")})`);
    failed = true;
    continue;
  }
  console.log(`\n=== bench: ${name} ===`);
  const result = spawnSync("npx", ["tsx", file], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
