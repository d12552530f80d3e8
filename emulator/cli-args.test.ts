import { describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "./cli-args";

describe("emulator flags", () => {
  it("reads --fault-seed as a whole number", () => {
    expect(parseCliArgs(["--fault-seed", "42", "--quiet"])).toEqual({ "fault-seed": 42, quiet: true });
  });

  it.each([["-1"], ["4294967296"], ["seven"], ["1.5"]])("refuses --fault-seed %s", (value) => {
    expect(() => parseCliArgs(["--fault-seed", value])).toThrow(UsageError);
  });

  it("reads --allow-origin, repeatable, and refuses anything but an origin", () => {
    expect(
      parseCliArgs([
        "--allow-origin",
        "http://localhost:3200",
        "--allow-origin",
        "https://portal.example.com",
      ]),
    ).toEqual({ "allow-origin": ["http://localhost:3200", "https://portal.example.com"] });
    for (const bad of ["localhost:3200", "http://localhost:3200/", "http://localhost:3200/x", "*"])
      expect(() => parseCliArgs(["--allow-origin", bad]), bad).toThrow(UsageError);
  });
});
