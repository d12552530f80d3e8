/**
 * An account as the portal sees it, and how it maps to and from a `users` row (JSON text columns parsed
 * defensively: a hand-edited row with bad JSON reads as empty, never as an error page).
 */
import { attributesSchema, type TableauIdentity } from "../../directory/schema";
import type { UserRow } from "../schema";

export interface Account {
  id: string;
  email: string;
  name: string;
  role: "admin" | "viewer";
  passwordHash: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  tableau: TableauIdentity | null;
  source: "local" | "sso";
  sso: { issuer: string; subject: string } | null;
  /** Fields an admin set by hand; single sign-on's rules leave these alone. */
  manualFields: string[];
  /** The rule that set the account at its last single sign-on, and when. */
  ssoRule: string | null;
  ssoSyncedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

export interface NewAccount {
  email: string;
  name: string;
  role: "admin" | "viewer";
  passwordHash?: string | null;
  mustChangePassword?: boolean;
  tableau?: TableauIdentity | null;
  source?: "local" | "sso";
  sso?: { issuer: string; subject: string } | null;
  manualFields?: string[];
}

export type AccountPatch = Partial<
  Pick<
    Account,
    "name" | "role" | "passwordHash" | "mustChangePassword" | "disabled" | "tableau" | "manualFields"
  >
>;

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toAccount(row: UserRow): Account {
  const attributes = attributesSchema.safeParse(parseJson(row.tableau_attributes, {}));
  const groups = parseJson<unknown>(row.tableau_groups, []);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    mustChangePassword: Number(row.must_change_password) === 1,
    disabled: Number(row.disabled) === 1,
    tableau: row.tableau_username
      ? {
          username: row.tableau_username,
          attributes: attributes.success ? attributes.data : {},
          groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [],
        }
      : null,
    source: row.source,
    sso: row.sso_issuer && row.sso_subject ? { issuer: row.sso_issuer, subject: row.sso_subject } : null,
    manualFields: parseJson<string[]>(row.manual_fields, []),
    ssoRule: row.sso_rule,
    ssoSyncedAt: row.sso_synced_at,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

export function identityColumns(tableau: TableauIdentity | null | undefined) {
  return {
    tableau_username: tableau?.username ?? null,
    tableau_attributes: JSON.stringify(tableau?.attributes ?? {}),
    tableau_groups: JSON.stringify(tableau?.groups ?? []),
  };
}
