import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unzip } from "../testing/unzip";
import { crc32, writeZip } from "./zip";

describe("writeZip", () => {
  it("computes the CRC-32 zlib computes", () => {
    for (const text of ["", "a", "The quick brown fox", "x".repeat(100_000)])
      expect(crc32(Buffer.from(text))).toBe(zlibCrc32(Buffer.from(text)));
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926); // the standard check value
  });

  it("writes an archive an independent reader takes apart, byte for byte, and the same bytes each time", () => {
    const entries = [
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet>".repeat(500)) },
      { name: "empty", data: Buffer.alloc(0) },
    ];
    const zip = writeZip(entries);
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(files.get(e.name)!.equals(e.data)).toBe(true);
    expect(writeZip(entries).equals(zip)).toBe(true);
    expect(zip.length).toBeLessThan(entries.reduce((n, e) => n + e.data.length, 0)); // deflated
  });

  it("refuses a name it cannot write as ASCII", () => {
    expect(() => writeZip([{ name: "données.xml", data: Buffer.alloc(1) }])).toThrow("ASCII");
  });
});
