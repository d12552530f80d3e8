/** Test support: the demo Connected App settings pointed at a test emulator, and the leak checks. */
import { createServer } from "node:net";
import { expect } from "vitest";
import { DEMO_APP, SITE } from "./emulator-fixture";
import { formatReport } from "../lib/doctor/format";
import type { CheckId, DoctorReport } from "../lib/doctor/types";

export function demoEnv(server: string): Record<string, string> {
  return {
    TABLEAU_SERVER: server,
    TABLEAU_SITENAME: SITE,
    TABLEAU_RESTAPI_VERSION: "3.28",
    TABLEAU_USERNAME: "alice@example.com",
    TABLEAU_CA_CLIENT: DEMO_APP.clientId,
    TABLEAU_CA_SECRET_ID: DEMO_APP.secretId,
    TABLEAU_CA_SECRET_VALUE: DEMO_APP.secretValue,
  };
}

export function check(report: DoctorReport, id: CheckId) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in the report`);
  return found;
}

/** Neither the printed text nor the JSON may hold the secret value or any JWT ("eyJ" opens every one). */
export function expectNoLeak(report: DoctorReport, secretValue: string): void {
  for (const output of [formatReport(report), JSON.stringify(report)]) {
    expect(output).not.toContain(secretValue);
    expect(output).not.toContain("eyJ");
  }
}

/** The address of a port that was free a moment ago and is closed now: connections are refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://localhost:${port}`;
}
