import { E2E_PORTS } from "./ports";

/** The demo directory's accounts (data/directory.json); every password is `vizport-demo`. */
export const DEMO_PASSWORD = "vizport-demo";

export interface DemoUser {
  email: string;
  name: string;
  role: "admin" | "viewer";
  /** The Tableau user the account maps to, or null (dave). */
  tableauUser: string | null;
  region?: string;
}

export const DEMO_USERS = {
  alice: { email: "alice@example.com", name: "Alice Admin", role: "admin", tableauUser: "alice@example.com" },
  bob: {
    email: "bob@example.com",
    name: "Bob Viewer",
    role: "viewer",
    tableauUser: "bob@example.com",
    region: "West",
  },
  carol: {
    email: "carol@example.com",
    name: "Carol Viewer",
    role: "viewer",
    tableauUser: "carol@example.com",
    region: "East",
  },
  dave: { email: "dave@example.com", name: "Dave Unmapped", role: "viewer", tableauUser: null },
  erin: { email: "erin@example.com", name: "Erin Viewer", role: "viewer", tableauUser: "erin@example.com" },
} as const satisfies Record<string, DemoUser>;

export type DemoUserKey = keyof typeof DEMO_USERS;

export const EMULATOR_URL = `http://localhost:${E2E_PORTS.emulator}`;
export const PORTAL_URLS = {
  server: `http://localhost:${E2E_PORTS.server}`,
  bundled: `http://localhost:${E2E_PORTS.bundled}`,
  wrongSecret: `http://localhost:${E2E_PORTS.wrongSecret}`,
} as const;
