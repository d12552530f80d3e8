/**
 * Which user attribute names may go into a Connected App token. Attributes become top-level JWT claims, so a
 * name that is a registered claim (`sub`, `exp`…) or one of Tableau's own (`scp`, `https://tableau.com/…`) would
 * overwrite what the portal sets, and the mint refuses it. Tableau reads attributes with
 * USERATTRIBUTE("Name"), so the portal also keeps names to what a calculated field can spell: a letter first,
 * then letters, digits, `_`, `-` or `.`, at most 64 characters. Other names are refused when they are saved,
 * never at mint time.
 */
const REGISTERED = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scp"];
const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** Why `name` cannot be a user attribute, or null when it can. */
export function attributeNameProblem(name: string): string | null {
  if (REGISTERED.includes(name.toLowerCase()))
    return `"${name}" is a registered token claim (${REGISTERED.join(", ")} cannot be attribute names)`;
  if (name.toLowerCase().startsWith("https://tableau.com/"))
    return `"${name}" is one of Tableau's own claims`;
  if (!NAME.test(name))
    return `"${name}" must start with a letter and hold only letters, digits, _, - and . (at most 64)`;
  return null;
}
