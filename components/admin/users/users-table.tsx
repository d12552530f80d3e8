import Link from "next/link";
import type { MappingCheck } from "@/lib/admin/users/mapping-check";
import type { Account } from "@/lib/db/repositories/accounts";
import { MappingBadge } from "./mapping-badge";

export function UsersTable({ accounts, checks }: { accounts: Account[]; checks: Map<string, MappingCheck> }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="users-table">
        <caption className="visually-hidden">Portal accounts and the Tableau user each maps to</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Role</th>
            <th scope="col">Tableau user</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const check = checks.get(account.id);
            return (
              <tr key={account.id} data-testid="user-row">
                <th scope="row">
                  <Link href={`/admin/users/${account.id}`}>{account.email}</Link>
                  <div className="muted small">{account.name}</div>
                </th>
                <td>{account.role}</td>
                <td>
                  {account.tableau?.username ?? <span className="muted">none</span>}
                  {check ? (
                    <div>
                      <MappingBadge check={check} />
                    </div>
                  ) : null}
                </td>
                <td>
                  {account.disabled ? <span className="badge badge-muted">disabled</span> : "active"}
                  {account.mustChangePassword ? (
                    <div className="muted small">must change password</div>
                  ) : null}
                  {account.source === "sso" ? <div className="muted small">single sign-on</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
