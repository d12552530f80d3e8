/** Command-line flags of `npm run emulator`, parsed strictly: an unknown or bad flag is a usage error. */
import { parseArgs } from "node:util";
import { z } from "zod";

export const USAGE = `Usage: npm run emulator -- [options]

  --port N         port to listen on (default 8900; 0 picks a free one)
  --data FILE      site data JSON (default emulator/data/demo-site.json)
  --workbooks N    grow the site to N workbooks with the deterministic generator (1..100000)
  --fault-seed N   seed for injected faults that give none (0..4294967295): the same seed fails the
                   same requests
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

const flagsSchema = z.object({
  port: intFlag("port", 0, 65535),
  data: z.string().min(1, "--data needs a file name").optional(),
  workbooks: intFlag("workbooks", 1, 100_000),
  "fault-seed": intFlag("fault-seed", 0, 2 ** 32 - 1),
  quiet: z.boolean().optional(),
  help: z.boolean().optional(),
});

export type CliFlags = z.infer<typeof flagsSchema>;

export function parseCliArgs(argv: string[]): CliFlags {
  let values: Record<string, string | boolean | undefined>;
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
