/**
 * The doctor's variable source: `.env.local` (when present) under the process environment, as Next.js loads
 * it, so a variable set in the shell wins. A tiny parser: `NAME=value`, `#` comments, optional quotes.
 */
import { existsSync, readFileSync } from "node:fs";

export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1]) continue;
    let value = match[2] ?? "";
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? "";
    else value = value.replace(/\s+#.*$/, "");
    out[match[1]] = value;
  }
  return out;
}

export function loadEnv(
  file = ".env.local",
  env: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  const fromFile = existsSync(file) ? parseDotEnv(readFileSync(file, "utf8")) : {};
  return { ...fromFile, ...env };
}
