import { describeMatch, describeTableau } from "@/lib/admin/sso/describe";
import type { SsoRule } from "@/lib/sso";

/** The rules in the order they are tried. */
export function RulesTable({ rules }: { rules: SsoRule[] }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="rules-table">
        <caption className="visually-hidden">Single sign-on rules, tried from the top</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Rule</th>
            <th scope="col">Matches</th>
            <th scope="col">Role</th>
            <th scope="col">Tableau</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={rule.name}>
              <td>{index + 1}</td>
              <th scope="row">{rule.name}</th>
              <td>{describeMatch(rule.match)}</td>
              <td>{rule.role}</td>
              <td>{describeTableau(rule)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
