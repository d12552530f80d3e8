/**
 * A minimal relying party over real HTTP for tests of the local OpenID Connect provider: a cookie jar, manual
 * redirects, and the authorization code flow with PKCE driven through the provider's own login and consent forms.
 */
import { createHash, randomBytes } from "node:crypto";

export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*expires=/i.test(a) && Date.parse(a.split("=")[1] ?? "") < Date.now(),
      );
      if (value === "" || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export const base64url = (bytes: Buffer) => bytes.toString("base64url");

export interface FlowRequest {
  clientId: string;
  redirectUri: string;
  scope?: string;
  verifier?: string | null;
  state?: string;
  nonce?: string;
}

export class Browser {
  readonly jar = new CookieJar();

  async get(url: string): Promise<Response> {
    const response = await fetch(url, { redirect: "manual", headers: { cookie: this.jar.header() } });
    this.jar.store(response);
    return response;
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
    this.jar.store(response);
    return response;
  }

  /** Follows redirects on the provider until one leaves it (to the client) or a page is shown. */
  async follow(response: Response, issuer: string): Promise<Response | URL> {
    let current = response;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get("location");
      if (!location) return current;
      const next = new URL(location, issuer);
      if (next.origin !== new URL(issuer).origin) return next;
      current = await this.get(next.href);
    }
    throw new Error("too many redirects");
  }
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash("sha256").update(verifier).digest()) };
}

export function authorizationUrl(issuer: string, request: FlowRequest, challenge?: string): string {
  const url = new URL("/auth", issuer);
  url.searchParams.set("client_id", request.clientId);
  url.searchParams.set("redirect_uri", request.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", request.scope ?? "openid email profile groups");
  url.searchParams.set("state", request.state ?? "state-1");
  url.searchParams.set("nonce", request.nonce ?? "nonce-1");
  if (challenge) {
    url.searchParams.set("code_challenge", challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  return url.href;
}

/** The form's action from a provider page, e.g. `/interaction/abc/login`. */
export function formAction(html: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page: ${html.slice(0, 200)}`);
  return action;
}
