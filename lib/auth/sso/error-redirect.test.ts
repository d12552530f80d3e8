import { InvalidCheck } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { withSsoErrorReason } from "./error-redirect";

const CALLBACK = new Request("http://localhost:3000/api/auth/callback/oidc?error=access_denied&state=x");
const redirect = (location: string) =>
  new Response(null, { status: 302, headers: { location, "set-cookie": "authjs.state=; Max-Age=0" } });

describe("withSsoErrorReason", () => {
  it("points Auth.js's error redirect at the reason's page, keeping its cookies", () => {
    const rewritten = withSsoErrorReason(
      redirect("http://localhost:3000/login/sso-error?error=Configuration"),
      new InvalidCheck("state value could not be parsed"),
      CALLBACK,
    );
    expect(rewritten.headers.get("location")).toBe(
      "http://localhost:3000/login/sso-error?reason=state_mismatch",
    );
    expect(rewritten.headers.getSetCookie()).toEqual(["authjs.state=; Max-Age=0"]);
  });

  it("rewrites the login page's ?error= for OAuth errors, not a wrong password", () => {
    const oauth = withSsoErrorReason(redirect("/login?error=OAuthCallbackError"), new Error("x"), CALLBACK);
    expect(oauth.headers.get("location")).toBe("/login/sso-error?reason=unknown");
    const password = redirect("/login?error=CredentialsSignin&code=credentials");
    expect(withSsoErrorReason(password, new Error("x"), CALLBACK)).toBe(password);
  });

  it("leaves successes and responses without a logged error alone", () => {
    const success = redirect("http://localhost:3000/");
    expect(withSsoErrorReason(success, new Error("x"), CALLBACK)).toBe(success);
    const unlogged = redirect("/login/sso-error?error=Configuration");
    expect(withSsoErrorReason(unlogged, undefined, CALLBACK)).toBe(unlogged);
  });
});
