/** Reads and validates a site data file; a wrong file fails with the zod path of each bad field. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { siteDataSchema, type SiteData } from "./site";
import { siteIntegrityIssues } from "./site-integrity";

export const DEMO_SITE_FILE = fileURLToPath(new URL("../data/demo-site.json", import.meta.url));

export class SiteDataError extends Error {
  readonly code = "SITE_DATA_INVALID";
}

export function loadSiteFile(file: string = DEMO_SITE_FILE): SiteData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new SiteDataError(`cannot read site data ${file}: ${(cause as Error).message}`, { cause });
  }
  const parsed = siteDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new SiteDataError(`invalid site data ${file}:\n  ${issues.slice(0, 10).join("\n  ")}`);
  }
  assertSiteIntegrity(parsed.data, file);
  return parsed.data;
}

export function assertSiteIntegrity(site: SiteData, source = "site data"): void {
  const issues = siteIntegrityIssues(site);
  if (issues.length) throw new SiteDataError(`invalid ${source}:\n  ${issues.slice(0, 10).join("\n  ")}`);
}
