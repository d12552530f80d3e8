/**
 * The local provider's people: loaded from a JSON file, changed at run time through the control endpoint (so a
 * test can move someone to another group and see it at their next sign-in), reset to the file's state.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

/** Claims released by scope; a person's claim outside these would never reach the portal, so it is refused. */
export const SCOPE_CLAIMS = {
  openid: ["sub"],
  email: ["email", "email_verified"],
  profile: ["name", "given_name", "family_name", "preferred_username", "region", "department"],
  groups: ["groups"],
} as const;

const RELEASED = new Set<string>(Object.values(SCOPE_CLAIMS).flat());
export const releasedClaims = (): string[] => [...RELEASED];

const loginSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, {
  error: "a login is 1-64 lower-case letters, digits, '.', '_' or '-'",
});

function checkReleased(claims: Record<string, unknown>, ctx: z.RefinementCtx, subAllowed: boolean): void {
  for (const name of Object.keys(claims)) {
    if (name === "sub") {
      if (!subAllowed) ctx.addIssue({ code: "custom", message: "sub cannot change: it is the person's key" });
    } else if (!RELEASED.has(name)) {
      ctx.addIssue({
        code: "custom",
        message: `claim "${name}" is not released by any scope; released: ${releasedClaims().join(", ")}`,
      });
    }
  }
}

export const claimsPatchSchema = z
  .record(z.string(), z.unknown())
  .superRefine((claims, ctx) => checkReleased(claims, ctx, false));

const personSchema = z.strictObject({
  login: loginSchema,
  about: z.string().max(200).default(""),
  claims: z
    .record(z.string(), z.unknown())
    .refine((claims) => typeof claims.sub === "string" && claims.sub !== "", { error: "needs a sub" })
    .superRefine((claims, ctx) => checkReleased(claims, ctx, true)),
});

const peopleFileSchema = z
  .strictObject({ people: z.array(personSchema).min(1) })
  .refine((file) => new Set(file.people.map((person) => person.login)).size === file.people.length, {
    error: "lists a login twice",
  });

export interface Person {
  login: string;
  about: string;
  /** Always holds a string `sub`. */
  claims: Record<string, unknown>;
}

/** Reads a people file; throws an Error whose message names the file and each problem. */
export function loadPeopleFile(path: string): Person[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : "cannot be read"}`, {
      cause: error,
    });
  }
  const parsed = peopleFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data.people;
}

export class PeopleStore {
  readonly #initial: Person[];
  #people = new Map<string, Person>();

  constructor(people: Person[]) {
    this.#initial = structuredClone(people);
    this.reset();
  }

  reset(): void {
    this.#people = new Map(structuredClone(this.#initial).map((person) => [person.login, person]));
  }

  list(): Person[] {
    return [...this.#people.values()];
  }

  byLogin(login: string): Person | undefined {
    return this.#people.get(login);
  }

  bySubject(sub: string): Person | undefined {
    return this.list().find((person) => person.claims.sub === sub);
  }

  /** Merges claims over a person's (null removes one); an unknown login becomes a new person. */
  update(login: string, patch: Record<string, unknown>): Person {
    const person = this.#people.get(login) ?? {
      login,
      about: "added by a test",
      claims: { sub: `demo-${login}` },
    };
    const claims = { ...person.claims };
    for (const [name, value] of Object.entries(patch)) {
      if (value === null) delete claims[name];
      else claims[name] = value;
    }
    const updated = { ...person, claims };
    this.#people.set(login, updated);
    return updated;
  }
}

export const isLogin = (value: string): boolean => loginSchema.safeParse(value).success;
