/**
 * `createTableauClient`: the framework-free REST client. It takes its configuration, a token minter, `fetch` and
 * a clock as arguments, so the portal, the doctor script, tests and benchmarks all build it the same way.
 */
import type { RestContext } from "./context";
import { resolveDefaultViewPaths } from "./default-views";
import { getCustomView, getCustomViewImage, listOwnCustomViews, type CustomView } from "./custom-views";
import { addFavoriteView, listFavoriteViews, removeFavoriteView, type FavoriteView } from "./favorites";
import type { FetchLike } from "./http";
import { getViewImage, getViewPreviewImage, getWorkbookPreviewImage, type ViewImageOptions } from "./images";
import { listProjects } from "./projects";
import type { SessionStore } from "./session-store";
import { SessionCache, type RestSession, type SignInEvent } from "./sessions";
import type { ImageBytes, Page, Project, SiteUser, View, Workbook } from "./types";
import { findSiteUsers, listSiteUsers } from "./users";
import { getView, listViewsForSite, listWorkbookViews } from "./views";
import { searchWorkbooks, type ScanCache, type SearchOptions } from "./workbook-search";
import { listWorkbooks, type ListOptions } from "./workbooks";

export interface TableauClientConfig {
  /** Server URL with scheme, e.g. `https://10ay.online.tableau.com` (a trailing `/` is ignored). */
  server: string;
  /** REST API version, e.g. `3.28`. */
  apiVersion: string;
  /** Site contentUrl (`""` for the default site). */
  site: string;
  /**
   * Mints a Connected App JWT for `username` with the REST scopes (`tableau:content:read`,
   * `tableau:views:download`), never the embed scopes. Called once per sign-in.
   */
  mintToken: (username: string) => Promise<string>;
  fetch?: FetchLike;
  /** Clock in ms; tests move it to age sessions. */
  now?: () => number;
  /** Per-attempt timeout, default 10 s. */
  timeoutMs?: number;
  /** Told of each REST sign-in's outcome (for the audit log); never given a token. */
  onSignIn?: (event: SignInEvent) => void;
  /** Extra attempts for GETs after a 5xx or network failure, default 2. */
  retries?: number;
  /** First retry delay, doubling; default 200 ms. */
  backoffMs?: number;
  /** Session idle lifetime assumed, default 240 min (Tableau Server); use 120 for Tableau Cloud. */
  sessionIdleMinutes?: number;
  /** Renew a session this long before its idle deadline, default 10 min. */
  sessionMarginMinutes?: number;
  /** How long a name-search scan is reused, default 30 s. */
  searchCacheMs?: number;
  /** Where REST sessions are kept: default this process's memory; a shared store for several instances. */
  sessionStore?: SessionStore;
}

/** A REST client bound to one server and site; every method takes the Tableau username to act as. */
export interface TableauClient {
  /** The cached session for `username`, signing in if needed (one sign-in in flight per user). */
  signIn(username: string): Promise<RestSession>;
  /** Signs out and forgets `username`'s session; `false` when there was none. */
  signOut(username: string): Promise<boolean>;
  listWorkbooks(username: string, opts?: ListOptions): Promise<Page<Workbook>>;
  /** Workbooks whose name contains `contains` (case-insensitive); see `workbook-search.ts` for how. */
  searchWorkbooks(username: string, opts: SearchOptions): Promise<Page<Workbook>>;
  /** Workbook id → portal path of its default view. */
  resolveDefaultViewPaths(username: string, workbooks: readonly Workbook[]): Promise<Map<string, string>>;
  listViewsForSite(username: string, opts?: ListOptions): Promise<Page<View>>;
  listWorkbookViews(username: string, workbookId: string): Promise<View[]>;
  getView(username: string, viewId: string): Promise<View>;
  listProjects(username: string): Promise<Project[]>;
  /** The site users with these exact names (needs `tableau:users:read`). */
  findSiteUsers(username: string, names: readonly string[]): Promise<Map<string, SiteUser>>;
  listSiteUsers(username: string): Promise<SiteUser[]>;
  getViewImage(username: string, viewId: string, opts?: ViewImageOptions): Promise<ImageBytes>;
  getViewPreviewImage(username: string, workbookId: string, viewId: string): Promise<ImageBytes>;
  getWorkbookPreviewImage(username: string, workbookId: string): Promise<ImageBytes>;
  /** The user's favorite views, as Tableau keeps them (Get Favorites for User). */
  listFavoriteViews(username: string): Promise<FavoriteView[]>;
  addFavoriteView(username: string, viewId: string, label: string): Promise<void>;
  removeFavoriteView(username: string, viewId: string): Promise<void>;
  /** The user's own custom views (List Custom Views, API 3.18). */
  listOwnCustomViews(username: string): Promise<CustomView[]>;
  /** One custom view, if the user may see it (else Tableau's 404). */
  getCustomView(username: string, id: string): Promise<CustomView>;
  getCustomViewImage(username: string, id: string): Promise<ImageBytes>;
  /** Requests sent so far: sign-ins and other REST calls. */
  stats(): { signIns: number; requests: number };
}

/** Builds a {@link TableauClient}; nothing is sent until a method is called. */
export function createTableauClient(config: TableauClientConfig): TableauClient {
  const now = config.now ?? Date.now;
  const http = {
    server: config.server.replace(/\/+$/, ""),
    apiVersion: config.apiVersion,
    fetch: config.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init)),
    timeoutMs: config.timeoutMs ?? 10_000,
    retries: config.retries ?? 2,
    backoffMs: config.backoffMs ?? 200,
  };
  const sessions = new SessionCache(http, {
    site: config.site,
    mintToken: config.mintToken,
    now,
    idleMs: (config.sessionIdleMinutes ?? 240) * 60_000,
    marginMs: (config.sessionMarginMinutes ?? 10) * 60_000,
    onSignIn: config.onSignIn,
    store: config.sessionStore,
    lockMs: 2 * http.timeoutMs + 5_000,
  });
  const ctx: RestContext = { http, sessions, counters: { requests: 0 } };
  const scans: ScanCache = { ttlMs: config.searchCacheMs ?? 30_000, now, entries: new Map() };

  return {
    signIn: (u) => sessions.get(u),
    signOut: (u) => sessions.signOut(u),
    listWorkbooks: (u, opts) => listWorkbooks(ctx, u, opts),
    searchWorkbooks: (u, opts) => searchWorkbooks(ctx, scans, u, opts),
    resolveDefaultViewPaths: (u, wbs) => resolveDefaultViewPaths(ctx, u, wbs),
    listViewsForSite: (u, opts) => listViewsForSite(ctx, u, opts),
    listWorkbookViews: (u, id) => listWorkbookViews(ctx, u, id),
    getView: (u, id) => getView(ctx, u, id),
    listProjects: (u) => listProjects(ctx, u),
    findSiteUsers: (u, names) => findSiteUsers(ctx, u, names),
    listSiteUsers: (u) => listSiteUsers(ctx, u),
    getViewImage: (u, id, opts) => getViewImage(ctx, u, id, opts),
    getViewPreviewImage: (u, wb, v) => getViewPreviewImage(ctx, u, wb, v),
    getWorkbookPreviewImage: (u, wb) => getWorkbookPreviewImage(ctx, u, wb),
    listFavoriteViews: (u) => listFavoriteViews(ctx, u),
    addFavoriteView: (u, id, label) => addFavoriteView(ctx, u, id, label),
    removeFavoriteView: (u, id) => removeFavoriteView(ctx, u, id),
    listOwnCustomViews: (u) => listOwnCustomViews(ctx, u),
    getCustomView: (u, id) => getCustomView(ctx, u, id),
    getCustomViewImage: (u, id) => getCustomViewImage(ctx, u, id),
    stats: () => ({ signIns: sessions.signIns, requests: ctx.counters.requests }),
  };
}
