// Messages to the parent (the emulator's <tableau-viz>): only to the origin that greeted the page, and only
// if that origin is in the Connected App's domain allowlist. Format: emulator/embed/README.md.
import { state } from "./state.js";

export const FROM_PARENT = "vizport-viz";
const FROM_PAGE = "vizport-emulator";
let parentOrigin = null;

export function setParentOrigin(origin) {
  parentOrigin = origin;
}

export function originAllowed(origin) {
  const list = state.allowedOrigins || [];
  return list.includes("*") || list.includes(origin) || origin === location.origin;
}

export function post(message) {
  if (parentOrigin && window.parent !== window) {
    window.parent.postMessage({ source: FROM_PAGE, ...message }, parentOrigin);
  }
}

export function emit(name, detail) {
  post({ type: "event", name, detail });
}
