/**
 * After the whole end-to-end run: every server's output under .e2e-logs/ must hold no token, password or
 * secret (issue 6's log check). Fails the run with file, line and kind for each finding.
 */
import { demoEnv } from "../scripts/demo-env";
import { LOG_DIR, scanLogDir } from "../scripts/e2e/log-scan";
import { E2E_AUTH_SECRET, WRONG_SECRET_VALUE } from "./servers";

export default function globalTeardown(): void {
  const { files, findings } = scanLogDir(LOG_DIR, {
    "the Connected App secret value": [demoEnv().TABLEAU_CA_SECRET_VALUE ?? "", WRONG_SECRET_VALUE],
    "the Auth.js secret": [E2E_AUTH_SECRET],
    // The demo password is also the demo site's name, which every REST path carries: a logged password is found
    // by its shape (`"password": "…"`) instead; the audit spec's wrong one is unique.
    "a password": ["a-wrong-password-for-the-audit-test"],
  });
  if (files.length === 0) throw new Error(`log scan: no server logs in ${LOG_DIR}/ to scan`);
  if (findings.length > 0) {
    const list = findings.map((f) => `  ${LOG_DIR}/${f.file}:${f.line}: ${f.kind}`).join("\n");
    throw new Error(`log scan: secrets in the servers' logs:\n${list}`);
  }
  console.log(`log scan: ${files.length} server logs, no token, password or secret`);
}
