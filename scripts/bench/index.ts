/**
 * `npm run bench [name…] [-- options]`: runs scripts/bench/<name>.ts for each name given, or every benchmark in
 * this folder. Everything from the first option on (e.g. `--runs 15`) is passed to each benchmark.
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
const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith("-"));
const requested = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);
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
  const result = spawnSync("npx", ["tsx", file, ...options], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
