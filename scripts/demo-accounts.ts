/** The accounts table `npm run demo` prints, read from the directory file itself so it never drifts. */
import { readFileSync } from "node:fs";
import { parseDirectory } from "../lib/directory/file";

export function describeAccounts(file = "data/directory.json"): string[] {
  const { users } = parseDirectory(readFileSync(file, "utf8"), file);
  const width = Math.max(...users.map((user) => user.email.length)) + 2;
  return users.map((user) => {
    const tableau = user.tableau;
    const attributes = Object.entries(tableau?.attributes ?? {})
      .map(([name, value]) => `${name} ${[value].flat().join("/")}`)
      .join(", ");
    const mapping = tableau
      ? `→ Tableau ${tableau.username}${attributes ? `, ${attributes}` : ""}`
      : "(no Tableau user)";
    return `${user.email.padEnd(width)}${user.role.padEnd(8)}${mapping}`;
  });
}
