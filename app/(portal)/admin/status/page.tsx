import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAdmin } from "@/lib/auth/session";
import { configRows, portalStatus } from "@/lib/admin/status";
import { describeConnectedAppError } from "@/lib/tableau/embed-errors";

export const metadata: Metadata = { title: "Status" };

const MARK = { pass: "passed", fail: "failed", skip: "not run" } as const;

export default async function StatusPage() {
  await requireAdmin();
  return (
    <div className="stack-lg">
      <div className="page-header">
        <h1>Status</h1>
        <p className="muted">
          The doctor&apos;s checks (<code>npm run doctor</code>), run now against Tableau, and the
          portal&apos;s configuration. Secret values are never shown, only whether they are set.
        </p>
      </div>
      <Suspense
        fallback={
          <p className="muted" role="status">
            Running the checks against Tableau…
          </p>
        }
      >
        <Checks />
      </Suspense>
      <section className="card stack" aria-labelledby="config-title">
        <h2 id="config-title">Configuration</h2>
        <div className="table-wrap">
          <table className="table" data-testid="config-table">
            <caption className="visually-hidden">Configuration variables and their values</caption>
            <thead>
              <tr>
                <th scope="col">Variable</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {configRows().map((row) => (
                <tr key={row.name}>
                  <th scope="row">
                    <code>{row.name}</code>
                  </th>
                  <td className={row.secret ? "muted" : undefined}>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

async function Checks() {
  const status = await portalStatus();
  const failed = status.report.checks.filter((c) => c.status === "fail").length;
  return (
    <>
      <section className="card stack" aria-labelledby="checks-title">
        <h2 id="checks-title">Tableau</h2>
        <p
          role="status"
          data-testid="status-verdict"
          className={failed ? "alert alert-error" : "alert alert-success"}
        >
          {failed
            ? `${failed} check${failed === 1 ? "" : "s"} failed.`
            : "All checks passed: the portal can talk to Tableau."}
        </p>
        <ul className="stack" data-testid="status-checks">
          {status.report.checks.map((check) => (
            <li key={check.id} data-check={check.id} data-status={check.status}>
              <strong>{check.title}</strong>: {MARK[check.status]}. {check.summary}
              {check.status === "fail" && check.advice ? <div className="muted">{check.advice}</div> : null}
              {check.status === "fail" && check.fix?.length ? (
                <div className="muted small">Settings to look at: {check.fix.join(", ")}</div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="storage-title">
        <h2 id="storage-title">Storage</h2>
        <p>Accounts and settings: {status.database}.</p>
      </section>
      <section className="card stack" aria-labelledby="refusals-title">
        <h2 id="refusals-title">Connected App refusals seen lately</h2>
        {status.refusals.length === 0 ? (
          <p className="muted" data-testid="refusals-none">
            None since this instance started.
          </p>
        ) : (
          <ul className="stack" data-testid="refusals">
            {status.refusals.map((r, i) => (
              <li key={`${r.at}-${i}`}>
                <time dateTime={r.at}>{r.at.replace("T", " ").slice(0, 19)} UTC</time> · {r.tableauUser} ·{" "}
                {r.connectedAppCode !== undefined
                  ? describeConnectedAppError(r.connectedAppCode).adminMessage
                  : `REST error ${r.code ?? "unknown"}${r.status ? ` (HTTP ${r.status})` : ""}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
