/** Command-line flags of `npm run emulator`, parsed strictly: an unknown or bad flag is a usage error. */
import { parseArgs } from "node:util";
import { z } from "zod";

export const USAGE = `Usage: npm run emulator -- [options]

  --port N         port to listen on (default 8900; 0 picks a free one)
  --data FILE      site data JSON (default emulator/data/demo-site.json)
  --workbooks N    grow the site to N workbooks with the deterministic generator (1..100000)
  --fault-seed N   seed for injected faults that give none (0..4294967295): the same seed fails the
                   same requests
  --allow-origin O an origin the Connected App's domain allowlist also allows, e.g.
                   http://localhost:3200 (repeatable)
  --quiet          no per-request log lines
  --help           show this help`;

export class UsageError extends Error {
  readonly code = "USAGE";
}

const intFlag = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `--${name} must be from ${min} to ${max}`)
    .optional();

/** `http://host:port` exactly: no path, query or trailing slash, as a browser sends `Origin`. */
const originSchema = z.string().refine((value) => URL.canParse(value) && new URL(value).origin === value, {
  message: "--allow-origin takes an origin such as http://localhost:3200 (scheme, host, port; no path)",
});

const flagsSchema = z.object({
  port: intFlag("port", 0, 65535),
  data: z.string().min(1, "--data needs a file name").optional(),
  workbooks: intFlag("workbooks", 1, 100_000),
  "fault-seed": intFlag("fault-seed", 0, 2 ** 32 - 1),
  "allow-origin": z.array(originSchema).optional(),
  quiet: z.boolean().optional(),
  help: z.boolean().optional(),
});

export type CliFlags = z.infer<typeof flagsSchema>;

export function parseCliArgs(argv: string[]): CliFlags {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        data: { type: "string" },
        workbooks: { type: "string" },
        "fault-seed": { type: "string" },
        "allow-origin": { type: "string", multiple: true },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}
