import { describe, expect, it } from "vitest";
import { attemptUrl } from "./load-embedding-api";

const URL_ = "https://tableau.example.com/javascripts/api/tableau.embedding.3.latest.min.js";

describe("attemptUrl", () => {
  it("asks for the plain script first, then a distinct URL per attempt", () => {
    expect(attemptUrl(URL_, 0)).toBe(URL_);
    expect(attemptUrl(URL_, 1)).toBe(`${URL_}?vizport-attempt=1`);
    expect(attemptUrl(URL_, 2)).not.toBe(attemptUrl(URL_, 1));
    expect(attemptUrl(`${URL_}?v=3`, 1)).toBe(`${URL_}?v=3&vizport-attempt=1`);
  });
});
