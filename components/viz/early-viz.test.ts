import { afterEach, describe, expect, it, vi } from "vitest";
import { awaitEarlyViz, findEarlyViz, listenToEarlyViz, type EarlyViz } from "./early-viz";
import { EARLY_EVENTS_PROP } from "./token-prefetch-script";

/** A stand-in for the early script's `<tableau-viz>`: an event target with the events it recorded. */
function earlyElement(missed: Event[] | undefined, localName = "tableau-viz") {
  const element = Object.assign(new EventTarget(), { localName, [EARLY_EVENTS_PROP]: missed });
  return element;
}
const hostOf = (child: unknown) => ({ firstElementChild: child }) as unknown as HTMLElement;

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("findEarlyViz", () => {
  it("finds the early script's viz, with what it heard before adoption", () => {
    const missed = [new Event("firstinteractive")];
    const found = findEarlyViz(hostOf(earlyElement(missed)));
    expect(found?.missed).toBe(missed);
  });

  it("ignores an empty host, another element, or a viz the early script did not start", () => {
    expect(findEarlyViz(null)).toBeNull();
    expect(findEarlyViz(hostOf(null))).toBeNull();
    expect(findEarlyViz(hostOf(earlyElement([], "div")))).toBeNull();
    expect(findEarlyViz(hostOf(earlyElement(undefined)))).toBeNull();
  });
});

describe("listenToEarlyViz", () => {
  it("hands over missed events, then live ones, each once, even when called again", () => {
    const missed = [new Event("firstinteractive")];
    const element = earlyElement(missed);
    const early = { element, missed } as unknown as EarlyViz;
    const handle = vi.fn();
    const stopFirst = listenToEarlyViz(early, handle);
    stopFirst();
    // React's development double effect: a second subscription must not replay what was handled.
    const stop = listenToEarlyViz(early, handle);
    const live = new Event("vizloaderror");
    missed.push(live); // the early script's own listener records it too
    element.dispatchEvent(live);
    expect(handle.mock.calls.map(([type]) => type)).toEqual(["firstinteractive", "vizloaderror"]);
    stop();
    element.dispatchEvent(new Event("tabswitched"));
    expect(handle).toHaveBeenCalledTimes(2);
  });
});

describe("awaitEarlyViz", () => {
  const setWindow = (pending?: Promise<boolean>) =>
    Object.assign(globalThis, { window: { __vizportEarlyViz: pending } });

  it("does not wait when the early script did not run", async () => {
    setWindow(undefined);
    expect(await awaitEarlyViz(() => hostOf(null))).toBeNull();
  });

  it("waits for the early script, then adopts the viz it started", async () => {
    let settle: (started: boolean) => void = () => undefined;
    setWindow(new Promise((resolve) => (settle = resolve)));
    let child: unknown = null;
    const result = awaitEarlyViz(() => hostOf(child));
    child = earlyElement([]);
    settle(true);
    expect((await result)?.element).toBe(child);
  });

  it("gives the mount back to the component when the early script gave up", async () => {
    setWindow(Promise.resolve(false));
    expect(await awaitEarlyViz(() => hostOf(null))).toBeNull();
  });
});
