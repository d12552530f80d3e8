/** Signs a demo user in to a running portal through Auth.js's CSRF and credentials endpoints; returns the cookie. */
export async function portalSessionCookie(
  base: string,
  email: string,
  password = "vizport-demo",
): Promise<{ name: string; value: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  const eq = session.indexOf("=");
  return { name: session.slice(0, eq), value: session.slice(eq + 1) };
}

/** The same session as a `Cookie` header value, for plain fetch-based load. */
export async function portalCookieHeader(base: string, email: string): Promise<string> {
  const { name, value } = await portalSessionCookie(base, email);
  return `${name}=${value}`;
}
