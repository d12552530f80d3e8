// The script of the emulator's view page (inside the viz iframe): answers the parent's greeting with what the
// page shows, runs its commands, and wires the page's own tabs and toolbar.
import { commands, activateSheet, exportImage, revertAll } from "./commands.js";
import { FROM_PARENT, originAllowed, post, setParentOrigin } from "./messaging.js";
import { chartSize, pageError, redraw, snapshot, state } from "./state.js";
window.addEventListener("message", async (event) => {
  const data = event.data;
  if (event.source !== window.parent || !data || data.source !== FROM_PARENT) return;
  if (!originAllowed(event.origin)) return;
  setParentOrigin(event.origin);
  if (data.type === "hello") {
    post(
      state.page === "view"
        ? { type: "ready", ...snapshot() }
        : { type: "ready", page: state.page, ...state.notice },
    );
    return;
  }
  if (data.type !== "command" || state.page !== "view") return;
  const run = commands[data.name];
  try {
    if (!run) throw pageError("wrong-implementation", `The emulator does not support "${data.name}".`);
    post({ type: "result", id: data.id, ok: true, value: await run(data.args || {}) });
  } catch (err) {
    post({
      type: "result",
      id: data.id,
      ok: false,
      error: { errorCode: err.errorCode || "internal-error", message: String(err.message || err) },
    });
  }
});

// The page's own chrome: tabs and toolbar buttons work without a parent too.
if (state.page === "view") {
  for (const tab of document.querySelectorAll("[data-tab]")) {
    tab.addEventListener("click", () => activateSheet({ name: tab.dataset.tab }).catch(() => {}));
  }
  document.getElementById("vz-revert")?.addEventListener("click", () => revertAll().catch(() => {}));
  document.getElementById("vz-refresh")?.addEventListener("click", () => redraw().catch(() => {}));
  // The server draws at a default size; once the page knows its own, it redraws to fill it (and on resize).
  let drawn = chartSize();
  const fit = () => {
    const now = chartSize();
    if (Math.abs(now.width - drawn.width) < 24 && Math.abs(now.height - drawn.height) < 24) return;
    drawn = now;
    redraw().catch(() => {});
  };
  const svg = document.querySelector("#vz-chart svg");
  if (svg) drawn = { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height };
  let timer = 0;
  new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(fit, 120);
  }).observe(document.getElementById("vz-chart"));
  document.getElementById("vz-download")?.addEventListener("click", async () => {
    const { dataUrl, filename } = await exportImage();
    const a = document.createElement("a");
    a.href = dataUrl;
    a.download = filename;
    a.click();
  });
}
