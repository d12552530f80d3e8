/**
 * A page renderer's main-thread time, from DevTools' Performance metrics: what a load kept the thread busy with.
 * The metrics slow a page down, so benchmarks read them on untimed loads only.
 */
import type { BrowserContext, CDPSession, Page } from "@playwright/test";

/** Milliseconds. */
export interface MainThread {
  /** Every task (parsing, style, layout, paint, JavaScript), less DevTools' own commands (the measurement's). */
  busy: number;
  /** JavaScript alone. */
  script: number;
  /** Style recalculation and layout: what the page's DOM and CSS cost beyond its script. */
  styleLayout: number;
}

/** The main-thread time `load` costs on a new page of `context`, which is closed afterwards. */
export async function mainThreadOf(
  context: BrowserContext,
  load: (page: Page) => Promise<void>,
): Promise<MainThread> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const before = await read(cdp);
    await load(page);
    const after = await read(cdp);
    return {
      busy: after.busy - before.busy,
      script: after.script - before.script,
      styleLayout: after.styleLayout - before.styleLayout,
    };
  } finally {
    await page.close();
  }
}

async function read(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    busy: ms("TaskDuration") - ms("DevToolsCommandDuration"),
    script: ms("ScriptDuration"),
    styleLayout: ms("RecalcStyleDuration") + ms("LayoutDuration"),
  };
}
