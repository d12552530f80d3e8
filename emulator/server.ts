/**
 * Starts the Tableau emulator: a node:http server on localhost serving the REST API, the embedding surface
 * and the `/__emulator/` control API over one {@link EmulatorContext}.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { registerControlRoutes } from "./control/routes";
import type { EmulatorConfig, EmulatorContext } from "./core/context";
import { createContext } from "./core/create-context";
import { createRequestHandler } from "./core/handle";
import { Router } from "./core/http";
import { assertSiteIntegrity, loadSiteFile } from "./core/load-site";
import type { SiteData } from "./core/site";
import { siteIndex } from "./core/site-index";
import { registerEmbedRoutes } from "./embed/routes";
import { generateLargeSite } from "./generate/large-site";
import { registerMetadataRoutes } from "./metadata/route";
import { registerRestRoutes } from "./rest/routes";

export interface StartOptions {
  /** Default 8900; 0 picks a free port. */
  port?: number;
  /** Default `localhost` (cookies are set for that host name). */
  host?: string;
  /** Site data file; default the demo site. */
  dataFile?: string;
  /** Site data given directly (tests); wins over `dataFile`. */
  data?: SiteData;
  /** Grow the site to this many workbooks with the deterministic generator. */
  workbooks?: number;
  /** Origins every Connected App's domain allowlist also allows (portals on ports the data does not name). */
  allowOrigins?: readonly string[];
  config?: Partial<EmulatorConfig>;
  /** No request log. */
  quiet?: boolean;
  /** Where log lines go (default stdout). */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  ctx: EmulatorContext;
  close(): Promise<void>;
}

export async function startEmulator(opts: StartOptions = {}): Promise<RunningEmulator> {
  let site = opts.data ?? loadSiteFile(opts.dataFile);
  if (opts.data) assertSiteIntegrity(opts.data);
  if (opts.workbooks !== undefined && opts.workbooks > site.workbooks.length)
    site = generateLargeSite(site, opts.workbooks);
  const extra = opts.allowOrigins ?? [];
  if (extra.length)
    site = {
      ...site,
      connectedApps: site.connectedApps.map((app) => ({
        ...app,
        domainAllowlist: [...app.domainAllowlist, ...extra],
      })),
    };
  const ctx = createContext(site, opts.config);
  siteIndex(site); // build lookups now, not on the first request

  const router = new Router();
  registerControlRoutes(router);
  registerMetadataRoutes(router);
  registerRestRoutes(router);
  registerEmbedRoutes(router);

  const handler = createRequestHandler(ctx, router, {
    quiet: opts.quiet ?? false,
    log: opts.log ?? ((line) => console.log(line)),
  });
  // The pipeline answers every failure itself; this catch only guards against a broken socket mid-write.
  const server = createServer((req, res) => void handler(req, res).catch(() => res.destroy()));
  // Clients drop an idle socket a little before the timeout the server announces (undici: 2 s before). With
  // Node's 5 s default, a client whose event loop was busy for a few seconds could send a request on a socket
  // the emulator was closing (ECONNRESET, and a sign-in POST is not retried); a minute leaves that to idle gaps
  // of a minute.
  server.keepAliveTimeout = 65_000;

  const host = opts.host ?? "localhost";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 8900, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!opts.config?.publicUrl) ctx.config.publicUrl = url;

  return {
    url,
    ctx,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
