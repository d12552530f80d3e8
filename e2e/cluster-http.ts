/**
 * Raw Auth.js sign-in and sign-out against one instance (no browser), for the cluster specs: which instance
 * answers is chosen by the URL, and the answer's status is kept as it is.
 */
export interface RawSignIn {
  status: number;
  /** `name=value` of the session cookie when the sign-in succeeded. */
  session?: string;
}

function cookies(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
}

async function csrf(base: string): Promise<{ token: string; jar: string[] }> {
  const response = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, jar: cookies(response) };
}

export async function signInRaw(base: string, email: string, password: string): Promise<RawSignIn> {
  const { token, jar } = await csrf(base);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken: token, email, password, callbackUrl: "/" }),
  });
  await response.arrayBuffer();
  const session = cookies(response).find((c) => c.startsWith("authjs.session-token=") && c.length > 25);
  return session ? { status: response.status, session } : { status: response.status };
}

export async function signOutRaw(base: string, session: string): Promise<number> {
  const { token, jar } = await csrf(base);
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [...jar, session].join("; ") },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: "/login" }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** The token route's status for this session on this instance: 200 while the session lives, 401 after. */
export async function tokenStatus(base: string, session: string): Promise<number> {
  const response = await fetch(`${base}/api/tableau/token`, { method: "POST", headers: { Cookie: session } });
  await response.arrayBuffer();
  return response.status;
}

/** Polls until `check` holds; resolves with the ms it took, or throws past `timeoutMs`. */
export async function within(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}
