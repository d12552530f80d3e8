/**
 * HTML pages of the embedding surface: the view page and Tableau-like notices (sign in, no permission, not
 * found, sign-in failed). Every page carries its state as JSON and the page script, so the emulator's
 * `<tableau-viz>` learns what the iframe shows through the handshake (README.md), never by reading the DOM.
 */
import { html, type EmuResponse } from "../core/http";
import { esc } from "../render";
import { VIEW_PAGE_MODULES, viewPageModuleNames } from "./assets";
import { PAGE_CSS } from "./page-style";

/** JSON inside `<script>`: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const LOGO =
  '<svg class="vz-logo" viewBox="0 0 40 40" aria-hidden="true"><g fill="#4e79a7">' +
  '<rect x="18" y="4" width="4" height="32"/><rect x="4" y="18" width="32" height="4"/>' +
  '<rect x="8" y="8" width="3" height="10" opacity=".6"/><rect x="29" y="22" width="3" height="10" opacity=".6"/>' +
  "</g></svg>";

export function documentShell(opts: {
  status: number;
  title: string;
  body: string;
  state: Record<string, unknown>;
  headers?: Record<string, string>;
}): EmuResponse {
  const doc =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(opts.title)}</title><style>${PAGE_CSS}</style>` +
    // Preloading every module avoids a request waterfall through the import graph.
    viewPageModuleNames()
      .map((href) => `<link rel="modulepreload" href="${href}">`)
      .join("") +
    `</head>` +
    `<body data-page="${esc(String(opts.state.page))}">${opts.body}` +
    `<script type="application/json" id="vz-state">${scriptJson(opts.state)}</script>` +
    `<script type="module" src="${VIEW_PAGE_MODULES}/main.js"></script></body></html>`;
  return html(opts.status, doc, {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    ...opts.headers,
  });
}

export interface NoticeState {
  page: "signin" | "denied" | "notfound" | "auth-error" | "error";
  [key: string]: unknown;
}

/** A centred Tableau-like message with no data in it. */
export function noticePage(
  status: number,
  heading: string,
  message: string,
  notice: NoticeState,
  opts: { detail?: string; allowedOrigins?: string[]; headers?: Record<string, string> } = {},
): EmuResponse {
  const detail = opts.detail ? `<p class="vz-code">${esc(opts.detail)}</p>` : "";
  return documentShell({
    status,
    title: heading,
    body: `<div class="vz-notice" role="alert">${LOGO}<h1>${esc(heading)}</h1><p>${esc(message)}</p>${detail}</div>`,
    state: { page: notice.page, notice, allowedOrigins: opts.allowedOrigins ?? [] },
    headers: opts.headers,
  });
}

export function errorPage(
  status: number,
  heading: string,
  message: string,
  notice?: NoticeState,
  allowedOrigins?: string[],
): EmuResponse {
  return noticePage(status, heading, message, notice ?? { page: "error", statusCode: status }, {
    allowedOrigins,
  });
}
