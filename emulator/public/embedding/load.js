// Loading a viz: the sign-in POST that spends the token, and the iframe URL (src, `:embed=y`, option
// parameters, <viz-filter>/<viz-parameter> children). The reference documents this sequence; the code is ours.
import { Toolbar } from "./enums.js";

const SIGNIN_PATH = "/vizportal/api/web/v1/auth/embed/signin";
const TARGET_PATH = "/vizportal/api/web/v1/auth/embed/target";

function siteOf(url) {
  const m = /^\/t\/([^/]+)\//.exec(url.pathname);
  if (!m) return "";
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/**
 * POSTs the token to the server the view lives on; the answer sets its session cookie. On failure `message`
 * is the `vizloaderror` message: a JSON string with the HTTP status (0: no answer) and the body as text.
 */
export async function embedSignIn(url, token) {
  let response;
  try {
    response = await fetch(`${url.origin}${SIGNIN_PATH}`, {
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ siteName: siteOf(url), jwt: token }),
    });
  } catch (err) {
    return { ok: false, message: JSON.stringify({ statusCode: 0, errorMessage: String(err) }) };
  }
  if (response.ok) return { ok: true };
  const body = await response.text().catch(() => "");
  return { ok: false, message: JSON.stringify({ statusCode: response.status, errorMessage: body }) };
}

/** The view URL the iframe loads, with the element's options and filter/parameter children. */
export function viewFrameUrl(el, url) {
  const frame = new URL(url.href);
  frame.searchParams.set(":embed", "y");
  const toolbar = el.getAttribute("toolbar");
  if (toolbar) frame.searchParams.set(":toolbar", toolbar === Toolbar.Hidden ? "no" : toolbar);
  if (el.hasAttribute("hide-tabs")) frame.searchParams.set(":tabs", "no");
  const device = el.getAttribute("device");
  if (device) frame.searchParams.set(":device", device);
  if (el.hasAttribute("disable-url-actions")) frame.searchParams.set(":disableUrlActions", "y");
  if (el.hasAttribute("touch-optimize")) frame.searchParams.set(":touchOptimize", "y");
  for (const child of el.children) {
    const tag = child.localName;
    const name =
      tag === "viz-filter"
        ? child.getAttribute("field")
        : tag === "viz-parameter"
          ? child.getAttribute("name")
          : null;
    const value = child.getAttribute("value");
    if (name && value !== null && value !== "") frame.searchParams.set(name, value);
  }
  return frame;
}

/** Iframe sign-in: the server checks the token, sets its cookie and redirects to the view. */
export function targetFrameUrl(frameUrl, token) {
  const url = new URL(TARGET_PATH, frameUrl.origin);
  url.searchParams.set("token", token);
  url.searchParams.set("target", frameUrl.pathname + frameUrl.search);
  return url;
}
