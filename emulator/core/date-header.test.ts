import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emu.close());

const serverDate = async (): Promise<number> => {
  const res = await fetch(`${emu.url}/api/3.28/serverinfo`, { headers: { accept: "application/json" } });
  await res.body?.cancel();
  return Date.parse(res.headers.get("date") ?? "");
};

describe("Date header", () => {
  it("follows the emulator's clock, shifted by the control API", async () => {
    expect(Math.abs((await serverDate()) - Date.now())).toBeLessThan(2_000);
    const shift = await fetch(`${emu.url}/__emulator/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ offsetSeconds: -3600 }),
    });
    expect(shift.status).toBe(200);
    const skew = (Date.now() - (await serverDate())) / 1000;
    expect(skew).toBeGreaterThan(3598);
    expect(skew).toBeLessThan(3602);
  });
});
