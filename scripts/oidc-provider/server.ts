/**
 * Starts the local OpenID Connect provider: oidc-provider behind a node:http server that first answers the
 * outage switch, `/__control/` and the interaction pages. Issuer `http://localhost:<port>`, exactly: the
 * portal compares it character for character.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type Provider from "oidc-provider";
import { createProvider, type ClientSettings } from "./config";
import { endpointOf, handleControl, type Outage } from "./control";
import { sendHtml } from "./http";
import { handleInteraction } from "./interactions";
import { messagePage } from "./pages";
import { loadPeopleFile, PeopleStore, type Person } from "./people";

export const DEFAULT_PEOPLE_FILE = "data/sso-people.demo.json";

export interface OidcProviderOptions extends ClientSettings {
  /** 0 picks a free port. */
  port: number;
  /** People given directly (tests); wins over `peopleFile`. */
  people?: Person[];
  peopleFile?: string;
  /** One line per request to stdout. */
  log?: boolean;
}

export interface RunningOidcProvider {
  issuer: string;
  people: PeopleStore;
  provider: Provider;
  close(): Promise<void>;
}

function failIfDown(outage: Outage, path: string, res: ServerResponse): boolean {
  const endpoint = endpointOf(path);
  if (!endpoint || !outage.endpoints.has(endpoint)) return false;
  if (outage.mode === "reset") res.socket?.destroy();
  // "hang" leaves the request open until the client gives up or close() ends every connection.
  else if (outage.mode === "503")
    sendHtml(res, messagePage("Unavailable", `${endpoint} is switched off by /__control/outage`), 503);
  return true;
}

// The port is only known after listen() when it is 0, and the issuer holds the port: bind first, then build.
async function listen(port: number): Promise<{ server: ReturnType<typeof createServer>; port: number }> {
  const server = createServer();
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const people = new PeopleStore(options.people ?? loadPeopleFile(options.peopleFile ?? DEFAULT_PEOPLE_FILE));
  const { server, port } = await listen(options.port);
  const issuer = `http://localhost:${port}`;
  const provider = createProvider(issuer, options, people);
  const oidc = provider.callback();
  const outage: Outage = { endpoints: new Set(), mode: "503" };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (options.log) console.log(`oidc-provider: ${req.method} ${path}`);
    if (path.startsWith("/__control/")) return handleControl(people, outage, req, res);
    if (failIfDown(outage, path, res)) return;
    if (path.startsWith("/interaction/")) return handleInteraction(provider, people, req, res);
    return oidc(req, res);
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`oidc-provider: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent)
        sendHtml(res, messagePage("Provider error", "The demo provider failed; see its log."), 500);
      else res.destroy();
    });
  });

  return {
    issuer,
    people,
    provider,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
