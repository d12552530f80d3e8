/**
 * The whole-run log check: every server the end-to-end run starts writes its output under .e2e-logs/
 * (playwright.config.ts, e2e/admin-portal.ts, e2e/reliability-portal.ts), and e2e/global-teardown.ts scans it all for
 * anything secret. A finding names the file, the line and what kind of secret it is, never the secret itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const LOG_DIR = ".e2e-logs";

export interface Finding {
  file: string;
  line: number;
  kind: string;
}

/** Exact values that must never be logged (secrets, passwords), by kind. Values under 8 characters are ignored. */
export type KnownSecrets = Record<string, string[]>;

// Shapes of credentials whatever their value: a signed or encrypted JWT (Connected App tokens, Auth.js's session
// JWE), a Tableau session cookie, an Auth.js session cookie, a REST credentials token in a header, a password
// field carrying a value.
const SHAPES: [kind: string, pattern: RegExp][] = [
  ["a JWT", /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{8,}/],
  ["a Tableau session cookie", /workgroup_session_id=[^;\s"]{8,}/],
  ["an Auth.js session cookie", /authjs\.session-token(?:\.\d+)?=[^;\s"]{8,}/],
  ["a REST credentials token", /x-tableau-auth["']?\s*[:=]\s*["']?[A-Za-z0-9|_-]{8,}/i],
  ["a password value", /["']?password["']?\s*[:=]\s*["'][^"']+["']/i],
];

export function findSecrets(file: string, text: string, known: KnownSecrets): Finding[] {
  const findings: Finding[] = [];
  const values = Object.entries(known).flatMap(([kind, list]) =>
    list.filter((value) => value.length >= 8).map((value) => [kind, value] as const),
  );
  text.split("\n").forEach((content, index) => {
    for (const [kind, value] of values) {
      if (content.includes(value)) findings.push({ file, line: index + 1, kind });
    }
    for (const [kind, pattern] of SHAPES) {
      if (pattern.test(content)) findings.push({ file, line: index + 1, kind });
    }
  });
  return findings;
}

/** Scans every `.log` file in `dir`; returns the findings and the files read. */
export function scanLogDir(dir: string, known: KnownSecrets): { files: string[]; findings: Finding[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".log"));
  } catch {
    return { files: [], findings: [] };
  }
  const findings = names.flatMap((name) => findSecrets(name, readFileSync(join(dir, name), "utf8"), known));
  return { files: names, findings };
}
