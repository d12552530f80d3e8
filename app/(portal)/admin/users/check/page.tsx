import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listMappedAccounts } from "@/lib/db/repositories/accounts";
import { accountsDb } from "@/lib/directory";
import { explainTableauError, type SiteUser } from "@/lib/tableau/rest";
import { listSiteUsers } from "@/lib/tableau/server";

export const metadata: Metadata = { title: "Check every mapping · Users" };

/** Every mapping that would fail: accounts whose Tableau username the site does not have (error 5). */
export default async function CheckMappingsPage() {
  await requireAdmin();
  const accounts = (await listMappedAccounts(await accountsDb())).filter((a) => !a.disabled);
  let siteUsers: SiteUser[] | null = null;
  let failure = "";
  try {
    siteUsers = await listSiteUsers();
  } catch (error) {
    failure = explainTableauError(error).message;
  }
  const names = new Set(siteUsers?.map((u) => u.name));
  const broken = siteUsers ? accounts.filter((a) => a.tableau && !names.has(a.tableau.username)) : [];
  return (
    <div className="stack-lg">
      <div className="page-header">
        <p>
          <Link href="/admin/users">← All users</Link>
        </p>
        <h1>Check every mapping</h1>
        <p className="muted">
          Each enabled account&apos;s Tableau username, looked up among the site&apos;s users. One that is
          missing would see Tableau&apos;s error 5 instead of dashboards.
        </p>
      </div>
      {siteUsers === null ? (
        <p className="alert alert-error" role="alert" data-testid="check-failed">
          The site&apos;s users could not be read: {failure}
        </p>
      ) : (
        <section aria-labelledby="check-summary" className="stack">
          <p id="check-summary" role="status" data-testid="check-summary">
            {broken.length === 0
              ? `All ${accounts.length} mappings are users of the site (${siteUsers.length} site users).`
              : `${broken.length} of ${accounts.length} mappings would fail.`}
          </p>
          {broken.length ? (
            <div className="table-wrap">
              <table className="table" data-testid="broken-mappings">
                <caption className="visually-hidden">
                  Mappings to Tableau users the site does not have
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Tableau username</th>
                    <th scope="col">What they would see</th>
                  </tr>
                </thead>
                <tbody>
                  {broken.map((account) => (
                    <tr key={account.id}>
                      <th scope="row">
                        <Link href={`/admin/users/${account.id}`}>{account.email}</Link>
                      </th>
                      <td>{account.tableau?.username}</td>
                      <td>not a user of the site: error 5</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      )}
    </div>
  );
}
