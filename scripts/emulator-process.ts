/**
 * The demo emulator in a process of its own (as Tableau would be: in the caller's process it would share an
 * event loop with a browser driver), its Connected App allowing extra origins, e.g. a portal on a free port.
 * The site file it reads is a temporary copy, removed by stop().
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSiteFile } from "../emulator/core/load-site";
import { start, type Started } from "./processes";

export function startEmulatorAllowing(port: number, origins: string[]): Started & { url: string } {
  const site = loadSiteFile();
  for (const app of site.connectedApps) app.domainAllowlist.push(...origins);
  const dataDir = mkdtempSync(join(tmpdir(), "vizport-emulator-"));
  const dataFile = join(dataDir, "site.json");
  writeFileSync(dataFile, JSON.stringify(site));
  const emulator = start(
    "emulator",
    "npx",
    ["tsx", "emulator/cli.ts", "--port", String(port), "--data", dataFile, "--quiet"],
    {},
    "ignore",
  );
  return {
    ...emulator,
    url: `http://localhost:${port}`,
    stop: () => {
      emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
