/**
 * Custom views: named states (filters, parameters) of one view, owned by one user, shared or private, and
 * each user's default custom view per view. Shared by the embedding surface (save, show, remove, default)
 * and REST (list, get, image, delete). Visibility follows Tableau: a custom view is seen by its owner, by
 * anyone who may see its view when it is shared, and by site administrators; never when its view is hidden.
 */
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "./context";
import { canSee, findViewById, isSiteAdmin } from "./lookup";
import type { ParameterValue } from "./parameters";
import type { SiteUser } from "./site";

export interface StoredCustomView {
  id: string;
  name: string;
  ownerId: string;
  workbookId: string;
  viewId: string;
  shared: boolean;
  filters: Record<string, string[]>;
  parameters: Record<string, ParameterValue>;
  createdAt: string;
  updatedAt: string;
}

export interface CustomViewStore {
  byId: Map<string, StoredCustomView>;
  /** `${userId} ${viewId}` → the custom view that user opens by default on that view. */
  defaults: Map<string, string>;
}

export const MAX_CUSTOM_VIEW_NAME = 200;

export function emptyCustomViewStore(): CustomViewStore {
  return { byId: new Map(), defaults: new Map() };
}

const stamp = (ctx: EmulatorContext) => new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The name as stored, or null when it is empty or too long once trimmed (the caller says why). */
export function cleanCustomViewName(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const name = raw.trim();
  return name.length > 0 && name.length <= MAX_CUSTOM_VIEW_NAME ? name : null;
}

/** The URL segment after the custom view's id: its name with anything but letters and digits dropped. */
export function customViewUrlName(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, "") || "view";
}

/** Whether `user` may see the custom view: its view must be visible, and it theirs, shared, or they an admin. */
export function canSeeCustomView(ctx: EmulatorContext, user: SiteUser, cv: StoredCustomView): boolean {
  const found = findViewById(ctx, cv.viewId);
  if (!found || !canSee(ctx, user, found.workbook)) return false;
  return cv.ownerId === user.id || cv.shared || isSiteAdmin(user);
}

/** The custom views of one view that the Embedding API lists for `user`: their own and shared ones, by name. */
export function customViewsOfView(ctx: EmulatorContext, user: SiteUser, viewId: string): StoredCustomView[] {
  return [...ctx.state.customViews.byId.values()]
    .filter((cv) => cv.viewId === viewId && (cv.ownerId === user.id || cv.shared))
    .filter((cv) => canSeeCustomView(ctx, user, cv))
    .sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt));
}

/** Saves the user's custom view of a view under `name`: a new one, or their existing one of that name updated. */
export function saveCustomView(
  ctx: EmulatorContext,
  user: SiteUser,
  input: {
    viewId: string;
    name: string;
    filters: Record<string, string[]>;
    parameters: Record<string, ParameterValue>;
  },
): StoredCustomView {
  const found = findViewById(ctx, input.viewId);
  if (!found) throw new Error(`No view ${input.viewId}`);
  const now = stamp(ctx);
  const existing = [...ctx.state.customViews.byId.values()].find(
    (cv) => cv.ownerId === user.id && cv.viewId === input.viewId && cv.name === input.name,
  );
  if (existing) {
    Object.assign(existing, { filters: input.filters, parameters: input.parameters, updatedAt: now });
    return existing;
  }
  const cv: StoredCustomView = {
    id: randomUUID(),
    name: input.name,
    ownerId: user.id,
    workbookId: found.workbook.id,
    viewId: input.viewId,
    shared: false,
    filters: input.filters,
    parameters: input.parameters,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.customViews.byId.set(cv.id, cv);
  return cv;
}

/** Renames or shares the owner's custom view; false when another of theirs on that view has the name. */
export function updateCustomView(
  ctx: EmulatorContext,
  cv: StoredCustomView,
  change: { name?: string; shared?: boolean },
): boolean {
  if (change.name !== undefined && change.name !== cv.name) {
    const clash = [...ctx.state.customViews.byId.values()].some(
      (o) => o !== cv && o.ownerId === cv.ownerId && o.viewId === cv.viewId && o.name === change.name,
    );
    if (clash) return false;
    cv.name = change.name;
  }
  if (change.shared !== undefined) cv.shared = change.shared;
  cv.updatedAt = stamp(ctx);
  return true;
}

export function removeCustomView(ctx: EmulatorContext, id: string): boolean {
  const store = ctx.state.customViews;
  if (!store.byId.delete(id)) return false;
  for (const [key, value] of store.defaults) if (value === id) store.defaults.delete(key);
  return true;
}

export function setDefaultCustomView(ctx: EmulatorContext, user: SiteUser, cv: StoredCustomView): void {
  ctx.state.customViews.defaults.set(`${user.id} ${cv.viewId}`, cv.id);
}

/** The user's default custom view of a view, if they still may see it. */
export function defaultCustomView(
  ctx: EmulatorContext,
  user: SiteUser,
  viewId: string,
): StoredCustomView | null {
  const id = ctx.state.customViews.defaults.get(`${user.id} ${viewId}`);
  const cv = id ? ctx.state.customViews.byId.get(id) : undefined;
  return cv && canSeeCustomView(ctx, user, cv) ? cv : null;
}

export function isDefaultFor(ctx: EmulatorContext, user: SiteUser, cv: StoredCustomView): boolean {
  return ctx.state.customViews.defaults.get(`${user.id} ${cv.viewId}`) === cv.id;
}
