import { describe, expect, it } from "vitest";
import { createContext } from "./create-context";
import {
  canSeeCustomView,
  cleanCustomViewName,
  customViewsOfView,
  customViewUrlName,
  defaultCustomView,
  removeCustomView,
  saveCustomView,
  setDefaultCustomView,
  updateCustomView,
} from "./custom-views";
import { loadSiteFile } from "./load-site";
import type { SiteUser } from "./site";

function world() {
  const ctx = createContext(loadSiteFile());
  const user = (name: string): SiteUser => ctx.site.users.find((u) => u.name === name)!;
  const view = (name: string) => ctx.site.workbooks.flatMap((w) => w.views).find((v) => v.name === name)!;
  return { ctx, user, view };
}

const state = { filters: { Region: ["East"] }, parameters: { "Top N": 5 } };

describe("custom view store", () => {
  it("upserts by owner, view and name, and keeps owners apart", () => {
    const { ctx, user, view } = world();
    const carol = user("carol@example.com");
    const bob = user("bob@example.com");
    const overview = view("Overview").id;
    const first = saveCustomView(ctx, carol, { viewId: overview, name: "East, 2024", ...state });
    const again = saveCustomView(ctx, carol, {
      viewId: overview,
      name: "East, 2024",
      filters: { Region: ["West"] },
      parameters: {},
    });
    expect(again.id).toBe(first.id);
    expect(again.filters).toEqual({ Region: ["West"] });
    const bobs = saveCustomView(ctx, bob, { viewId: overview, name: "East, 2024", ...state });
    expect(bobs.id).not.toBe(first.id);
    expect(ctx.state.customViews.byId.size).toBe(2);
  });

  it("is private to its owner until shared; admins see it; a hidden view hides it", () => {
    const { ctx, user, view } = world();
    const carol = user("carol@example.com");
    const bob = user("bob@example.com");
    const alice = user("alice@example.com");
    const overview = view("Overview").id;
    const cv = saveCustomView(ctx, carol, { viewId: overview, name: "Mine", ...state });
    expect(canSeeCustomView(ctx, carol, cv)).toBe(true);
    expect(canSeeCustomView(ctx, bob, cv)).toBe(false);
    expect(canSeeCustomView(ctx, alice, cv)).toBe(true);
    expect(customViewsOfView(ctx, bob, overview)).toEqual([]);
    // An administrator's Embedding API list is their own and shared ones, not everyone's.
    expect(customViewsOfView(ctx, alice, overview)).toEqual([]);
    updateCustomView(ctx, cv, { shared: true });
    expect(customViewsOfView(ctx, bob, overview).map((c) => c.name)).toEqual(["Mine"]);

    // Finance is for administrators only: alice's custom view there stays hidden from carol even when shared.
    const finance = view("Profit Overview").id;
    const secret = saveCustomView(ctx, alice, { viewId: finance, name: "Board", ...state });
    updateCustomView(ctx, secret, { shared: true });
    expect(canSeeCustomView(ctx, carol, secret)).toBe(false);
  });

  it("refuses a rename onto another of the owner's names", () => {
    const { ctx, user, view } = world();
    const carol = user("carol@example.com");
    const id = view("Overview").id;
    saveCustomView(ctx, carol, { viewId: id, name: "A", ...state });
    const b = saveCustomView(ctx, carol, { viewId: id, name: "B", ...state });
    expect(updateCustomView(ctx, b, { name: "A" })).toBe(false);
    expect(b.name).toBe("B");
  });

  it("keeps one default per user and view, and forgets it with the custom view", () => {
    const { ctx, user, view } = world();
    const carol = user("carol@example.com");
    const bob = user("bob@example.com");
    const id = view("Overview").id;
    const a = saveCustomView(ctx, carol, { viewId: id, name: "A", ...state });
    const b = saveCustomView(ctx, carol, { viewId: id, name: "B", ...state });
    setDefaultCustomView(ctx, carol, a);
    setDefaultCustomView(ctx, carol, b);
    expect(defaultCustomView(ctx, carol, id)?.name).toBe("B");
    expect(defaultCustomView(ctx, bob, id)).toBeNull();
    expect(removeCustomView(ctx, b.id)).toBe(true);
    expect(defaultCustomView(ctx, carol, id)).toBeNull();
    expect(removeCustomView(ctx, b.id)).toBe(false);
  });

  it("cleans names and makes URL names", () => {
    expect(cleanCustomViewName("  East, 2024 ")).toBe("East, 2024");
    expect(cleanCustomViewName("   ")).toBeNull();
    expect(cleanCustomViewName("x".repeat(201))).toBeNull();
    expect(cleanCustomViewName(42)).toBeNull();
    expect(customViewUrlName("East, 2024")).toBe("East2024");
    expect(customViewUrlName("!!!")).toBe("view");
  });
});
