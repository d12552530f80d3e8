// Small pieces of the <tableau-viz> element: its attributes, their reflected properties, sizes and styles.

export const BOOLEAN_ATTRS = [
  "hide-tabs",
  "disable-url-actions",
  "touch-optimize",
  "debug",
  "iframe-auth",
  "force-token-sync",
];
export const STRING_ATTRS = ["src", "token", "width", "height", "toolbar", "device", "iframe-attr-loading"];
export const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Styles through the CSSOM, not an injected <style>: a host page whose Content-Security-Policy forbids inline
 * styles still lays the viz out. The host's own CSS wins where it sets `display`.
 */
export function styleHost(el) {
  if (getComputedStyle(el).display === "inline") el.style.display = "block";
}

export function styleFrame(iframe) {
  Object.assign(iframe.style, { display: "block", border: "0", width: "100%", height: "100%" });
}

export function cssSize(value, fallback) {
  if (value === null || value === "") return fallback;
  return /^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}px` : value.trim();
}

/** Attribute-backed properties, so `viz.src = …` (and React 19, which sets properties on custom elements) works. */
export function defineAttributeProperties(cls) {
  for (const name of STRING_ATTRS) {
    Object.defineProperty(cls.prototype, camel(name), {
      get() {
        return this.getAttribute(name) ?? "";
      },
      set(value) {
        if (value === null || value === undefined || value === "") this.removeAttribute(name);
        else this.setAttribute(name, String(value));
      },
      configurable: true,
    });
  }
  for (const name of BOOLEAN_ATTRS) {
    Object.defineProperty(cls.prototype, camel(name), {
      get() {
        return this.hasAttribute(name);
      },
      set(value) {
        this.toggleAttribute(name, Boolean(value));
      },
      configurable: true,
    });
  }
}
