/**
 * Emulator throughput: REST sign-ins per second, 100-workbook pages per second (16 concurrent requests,
 * a fixed number of each), and the time to list a 10,000-workbook site page by page (pageSize 100 and
 * 1000, unsorted and sorted by name). The emulator runs in its own process, as it does for the portal.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createContext } from "../../emulator/core/create-context";
import type { EmuRequest } from "../../emulator/core/http";
import { loadSiteFile } from "../../emulator/core/load-site";
import { generateLargeSite } from "../../emulator/generate/large-site";
import { restHandler } from "../../emulator/rest/route";
import { signIn } from "../../emulator/rest/signin";
import { workbookRoutes } from "../../emulator/rest/workbooks";
import { mintToken } from "../../emulator/testing/mint";
import { formatLoad, runLoad } from "./lib/load";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const API = "/api/3.28";
const CONCURRENCY = 16;
const SIGNINS = 1500;
const PAGES = 1500;

async function startChild(workbooks: number) {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["emulator/cli.ts", "--port", "0", "--quiet", "--workbooks", String(workbooks)],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited early (${code})`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

const signinBody = (jwt: string) =>
  JSON.stringify({ credentials: { jwt, site: { contentUrl: "vizport-demo" } } });
const postSignin = (url: string, jwt: string) =>
  fetch(`${url}${API}/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: signinBody(jwt),
  });

/** The handlers alone, in this process: what a request costs the emulator without HTTP and machine noise. */
async function handlerCosts(): Promise<void> {
  const ctx = createContext(generateLargeSite(loadSiteFile(), 10_000));
  const request = (
    method: string,
    query: string,
    headers: Record<string, string>,
    body = "",
  ): EmuRequest => ({
    method,
    url: new URL(`http://localhost${API}/sites/${ctx.site.site.id}/workbooks?${query}`),
    path: "",
    headers: { accept: "application/json", ...headers },
    body: Buffer.from(body),
    params: { version: "3.28", siteId: ctx.site.site.id },
    cookies: {},
  });
  // The route's own wrapper, so the cost includes its version and session checks, as a request pays them.
  const queryWorkbooks = restHandler(workbookRoutes.find((r) => r.name === "Query Workbooks for Site")!);
  const tokens = await Promise.all(Array.from({ length: 500 }, () => mintToken()));
  let started = performance.now();
  let token = "";
  for (const jwt of tokens) {
    const res = await signIn(
      request("POST", "", { "content-type": "application/json" }, signinBody(jwt)),
      ctx,
    );
    token = (JSON.parse(String(res.body)) as { credentials: { token: string } }).credentials.token;
  }
  console.log(
    `handler only: sign-in                ${((performance.now() - started) / tokens.length).toFixed(3)} ms`,
  );
  for (const query of ["pageSize=100", "pageSize=100&sort=name:asc", "pageSize=1000"]) {
    await queryWorkbooks(request("GET", query, { "x-tableau-auth": token }), ctx);
    started = performance.now();
    for (let i = 0; i < 300; i++)
      await queryWorkbooks(
        request("GET", `${query}&pageNumber=${(i % 10) + 1}`, { "x-tableau-auth": token }),
        ctx,
      );
    console.log(`handler only: ${query.padEnd(26)} ${((performance.now() - started) / 300).toFixed(3)} ms`);
  }
}

async function main(): Promise<void> {
  await handlerCosts();
  const emu = await startChild(10_000);
  try {
    const tokens = await Promise.all(Array.from({ length: SIGNINS + 50 }, () => mintToken()));
    for (const jwt of tokens.slice(SIGNINS)) await postSignin(emu.url, jwt); // warm-up
    let i = 0;
    const signins = await runLoad(SIGNINS, CONCURRENCY, () => postSignin(emu.url, tokens[i++]!));
    console.log(formatLoad("REST sign-in", signins));

    const res = await postSignin(emu.url, await mintToken());
    const { credentials } = (await res.json()) as { credentials: { token: string; site: { id: string } } };
    const base = `${emu.url}${API}/sites/${credentials.site.id}/workbooks`;
    const get = (query: string) =>
      fetch(`${base}?${query}`, {
        headers: { accept: "application/json", "x-tableau-auth": credentials.token },
      });

    let n = 0;
    const page = await runLoad(PAGES, CONCURRENCY, () => get(`pageSize=100&pageNumber=${(n++ % 100) + 1}`));
    console.log(formatLoad("100-workbook page", page));
    await get("pageSize=100&sort=name:asc"); // first sorted request builds the cached order
    const sorted = await runLoad(PAGES, CONCURRENCY, () =>
      get(`pageSize=100&sort=name:asc&pageNumber=${(n++ % 100) + 1}`),
    );
    console.log(formatLoad("100-workbook page, sorted", sorted));

    for (const size of [100, 1000]) {
      for (const sort of ["", "&sort=name:asc"]) {
        const started = performance.now();
        let seen = 0;
        for (let p = 1; seen < 10_000; p++) {
          const body = (await (await get(`pageSize=${size}&pageNumber=${p}${sort}`)).json()) as {
            workbooks: { workbook?: unknown[] };
          };
          const count = body.workbooks.workbook?.length ?? 0;
          if (count === 0) throw new Error(`page ${p} empty after ${seen} workbooks`);
          seen += count;
        }
        const ms = performance.now() - started;
        console.log(
          `list 10,000 workbooks, pageSize ${String(size).padEnd(4)}${sort ? " sorted by name" : "               "} ${ms.toFixed(0).padStart(6)} ms (${(ms / (10_000 / size)).toFixed(1)} ms/page)`,
        );
      }
    }
  } finally {
    emu.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`bench emulator: ${(err as Error).message}`);
  process.exit(1);
});
