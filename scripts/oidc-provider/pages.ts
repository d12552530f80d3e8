/**
 * The local provider's own pages (login, consent, sign-out, errors): plain HTML forms that work by keyboard and
 * screen reader, with every interpolated value escaped. Their only script is the sign-out auto-submit, allowed
 * by a per-page nonce.
 */
import { randomBytes } from "node:crypto";
import type { Person } from "./people";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1b1f24; }
  main { max-width: 34rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  ul { padding: 0; list-style: none; }
  ul.scopes { padding-left: 1.25rem; list-style: disc; }
  li { margin: 0 0 .75rem; }
  button { font: inherit; padding: .5rem 1rem; border: 1px solid #1d4ed8; border-radius: 6px;
           background: #1d4ed8; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #1d4ed8; }
  button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .about { display: block; color: #4b5563; font-size: .9rem; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }`;

export interface Page {
  html: string;
  /** The Content-Security-Policy to send with it. */
  csp: string;
}

export function page(title: string, body: string, script?: string): Page {
  const nonce = randomBytes(16).toString("base64");
  const scriptTag = script ? `<script nonce="${nonce}">${script}</script>` : "";
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><main>${body}</main>${scriptTag}</body></html>`;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; frame-ancestors 'none'`;
  return { html, csp };
}

export function loginPage(uid: string, clientName: string, people: Person[]): Page {
  const buttons = people
    .map((person) => {
      const name = String(person.claims.name ?? person.login);
      const email = typeof person.claims.email === "string" ? person.claims.email : "no e-mail";
      return (
        `<li><button type="submit" name="login" value="${escapeHtml(person.login)}">Sign in as ${escapeHtml(name)}` +
        `</button><span class="about">${escapeHtml(email)}${person.about ? `: ${escapeHtml(person.about)}` : ""}` +
        `</span></li>`
      );
    })
    .join("");
  return page(
    "Sign in: demo identity provider",
    `<h1>Sign in to the demo identity provider</h1>` +
      `<p>${escapeHtml(clientName)} asks you to sign in. This is a local test provider: choose a person.</p>` +
      `<form method="post" action="/interaction/${escapeHtml(uid)}/login"><ul>${buttons}</ul>` +
      `<div class="actions"><button type="submit" class="secondary" name="cancel" value="yes">Cancel</button>` +
      `</div></form>`,
  );
}

const SCOPE_TEXT: Record<string, string> = {
  openid: "know who you are",
  email: "see your e-mail address",
  profile: "see your name, user name and profile (region, department)",
  groups: "see the groups you are in",
  offline_access: "keep access while you are away",
};

export function consentPage(uid: string, clientName: string, scopes: string[]): Page {
  const items = scopes.map((scope) => `<li>${escapeHtml(SCOPE_TEXT[scope] ?? scope)}</li>`).join("");
  return page(
    "Allow access: demo identity provider",
    `<h1>Allow ${escapeHtml(clientName)} to use your account?</h1>` +
      `<p>${escapeHtml(clientName)} wants to:</p><ul class="scopes">${items}</ul>` +
      `<form method="post" action="/interaction/${escapeHtml(uid)}/consent"><div class="actions">` +
      `<button type="submit" name="decision" value="allow">Allow</button>` +
      `<button type="submit" class="secondary" name="decision" value="deny">Deny</button></div></form>`,
  );
}

/** `form` is oidc-provider's hidden form (id op.logoutForm, holding its anti-forgery value). */
export function logoutPage(form: string, automatic: boolean): Page {
  return page(
    "Sign out: demo identity provider",
    `<h1>Sign out of the demo identity provider?</h1>${form}` +
      `<div class="actions"><button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>` +
      `Yes, sign me out</button><button type="submit" form="op.logoutForm" class="secondary">No, stay signed in` +
      `</button></div>`,
    // A valid id_token_hint means the portal asked for this sign-out, so it needs no click (as Keycloak does).
    automatic ? `document.querySelector('button[name="logout"]').click();` : undefined,
  );
}

export function messagePage(title: string, message: string): Page {
  return page(title, `<h1>${escapeHtml(title)}</h1><p role="status">${escapeHtml(message)}</p>`);
}
