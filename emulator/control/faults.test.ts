import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson } from "../testing/rest-client";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emu.close());
beforeEach(() => fetch(`${emu.url}/__emulator/reset`, { method: "POST" }));

const inject = (base: string, body: unknown) =>
  getJson(`${base}/__emulator/faults`, undefined, { method: "POST", body: JSON.stringify(body) });
/** The statuses of `n` requests in a row to one URL. */
async function statuses(base: string, path: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await fetch(`${base}${path}`)).status);
  return out;
}
const serverinfo = `${API}/serverinfo`;

describe("seeded fault rates", () => {
  it("fails the same requests in the same order for the same seed", async () => {
    await inject(emu.url, { prefix: "/api/", status: 500, rate: 0.3, seed: 42 });
    const first = await statuses(emu.url, serverinfo, 40);
    await inject(emu.url, { prefix: "/api/", status: 500, rate: 0.3, seed: 42 });
    expect(await statuses(emu.url, serverinfo, 40)).toEqual(first);
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    await inject(emu.url, { prefix: "/api/", status: 500, rate: 0.3, seed: 43 });
    expect(await statuses(emu.url, serverinfo, 40)).not.toEqual(first);
  });

  it("keeps one URL's draws whatever other URLs are requested in between", async () => {
    await inject(emu.url, { prefix: "/api/", status: 500, rate: 0.5, seed: 7 });
    const alone = await statuses(emu.url, serverinfo, 20);
    await inject(emu.url, { prefix: "/api/", status: 500, rate: 0.5, seed: 7 });
    const interleaved: number[] = [];
    for (let i = 0; i < 20; i++) {
      await fetch(`${emu.url}${API}/sites/x/workbooks`);
      await fetch(`${emu.url}/api/3.17/serverinfo`);
      interleaved.push((await fetch(`${emu.url}${serverinfo}`)).status);
    }
    expect(interleaved).toEqual(alone);
  });

  it("reports the seed it chose when none was given, so a run can be replayed", async () => {
    const res = await inject(emu.url, { prefix: "/api/", status: 503, rate: 0.5 });
    const seed = (res.body as { faults: Array<{ seed: number }> }).faults[0]!.seed;
    expect(Number.isInteger(seed)).toBe(true);
    const first = await statuses(emu.url, serverinfo, 20);
    await inject(emu.url, { prefix: "/api/", status: 503, rate: 0.5, seed });
    expect(await statuses(emu.url, serverinfo, 20)).toEqual(first);
  });

  it("uses the emulator's fault seed (the --fault-seed flag) for faults given none", async () => {
    const seeded = await startEmulator({ port: 0, quiet: true, config: { faultSeed: 42 } });
    try {
      const res = await inject(seeded.url, { prefix: "/api/", status: 500, rate: 0.3 });
      expect(res.body).toMatchObject({ faults: [{ seed: 42 }] });
      const viaFlag = await statuses(seeded.url, serverinfo, 40);
      await inject(emu.url, { prefix: "/api/", status: 500, rate: 0.3, seed: 42 });
      expect(await statuses(emu.url, serverinfo, 40)).toEqual(viaFlag);
    } finally {
      await seeded.close();
    }
  });

  it.each([-1, 1.5, 2 ** 32, "42"])("rejects the seed %s with a 400", async (seed) => {
    const res = await inject(emu.url, { prefix: "/api/", status: 500, rate: 0.5, seed });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("seed");
  });
});
