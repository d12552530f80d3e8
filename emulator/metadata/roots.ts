/**
 * The Metadata API's root query: for each kind a plain list (`workbooks`) and a paged connection
 * (`workbooksConnection`), both taking `filter`, an input object of the type's scalar fields (equality) and
 * `<field>Within` lists; connections also take `first` (1–1000, default 100), `after` (a cursor from
 * `pageInfo.endCursor`) and `offset`. Lists are in name order, then REST id (luid).
 */
import type { EmulatorContext } from "../core/context";
import type { SiteUser } from "../core/site";
import { many, objectType, one, type Field } from "./build";
import { FieldError, type InputSpec, type ObjectSpec, type Schema } from "./graphql/schema-types";
import { graph, metadataTypes } from "./types";

const MAX_FIRST = 1000;
const DEFAULT_FIRST = 100;

interface Page {
  nodes: unknown[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const cursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function offsetOf(after: unknown): number {
  if (after === undefined) return 0;
  const m = /^offset:(\d{1,9})$/.exec(Buffer.from(String(after), "base64url").toString("utf8"));
  if (!m) throw new FieldError(`after: '${String(after)}' is not a cursor this server gave out`);
  return Number(m[1]) + 1;
}

function page(all: unknown[], args: Record<string, unknown>): Page {
  const first = args.first === undefined ? DEFAULT_FIRST : Number(args.first);
  if (first < 1 || first > MAX_FIRST)
    throw new FieldError(`first must be from 1 to ${MAX_FIRST}, not ${first}`);
  if (args.after !== undefined && args.offset !== undefined)
    throw new FieldError("give after or offset, not both");
  const offset = args.offset !== undefined ? Number(args.offset) : offsetOf(args.after);
  if (offset < 0) throw new FieldError(`offset must be 0 or more, not ${offset}`);
  const nodes = all.slice(offset, offset + first);
  return {
    nodes,
    pageInfo: {
      hasNextPage: offset + nodes.length < all.length,
      hasPreviousPage: offset > 0,
      startCursor: nodes.length ? cursor(offset) : null,
      endCursor: nodes.length ? cursor(offset + nodes.length - 1) : null,
    },
    totalCount: all.length,
  };
}

/** `Workbook_Filter`: every scalar field of the type, and `<field>Within` for a list of values. */
function filterInput(type: ObjectSpec): InputSpec {
  const fields: InputSpec["fields"] = {};
  for (const [name, f] of Object.entries(type.fields)) {
    if (f.type.list || !["ID", "String", "Int", "Boolean", "DateTime"].includes(f.type.name)) continue;
    fields[name] = f.type;
    fields[`${name}Within`] = { name: f.type.name, list: true };
  }
  return { name: `${type.name}_Filter`, fields };
}

function applyFilter(type: ObjectSpec, items: readonly unknown[], filter: unknown): unknown[] {
  // Keys computed once per item: ordering by name, then the REST id, which needs no hashing.
  const key = (s: unknown) =>
    `${String(type.fields.name?.resolve(s, {}))}\u0000${String(type.fields.luid?.resolve(s, {}))}`;
  const sorted = items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.item);
  if (!filter || typeof filter !== "object") return sorted;
  const tests = Object.entries(filter as Record<string, unknown>).map(([key, wanted]) => {
    const within = key.endsWith("Within");
    const field = type.fields[within ? key.slice(0, -"Within".length) : key]!;
    return (item: unknown) => {
      const value = field.resolve(item, {});
      return within ? (wanted as unknown[]).includes(value) : value === wanted;
    };
  });
  return sorted.filter((item) => tests.every((t) => t(item)));
}

export function metadataSchema(ctx: EmulatorContext, user: SiteUser): Schema {
  const g = graph(ctx, user);
  const objects = new Map(metadataTypes(g).map((t) => [t.name, t]));
  const inputs = new Map<string, InputSpec>();
  const rootFields: Record<string, Field<null>> = {};
  const roots = [
    ["workbooks", "Workbook", g.workbooks],
    ["sheets", "Sheet", g.sheets],
    ["dashboards", "Dashboard", g.dashboards],
    ["publishedDatasources", "PublishedDatasource", g.datasources],
  ] as const;
  for (const [plural, typeName, items] of roots) {
    const type = objects.get(typeName)!;
    const input = filterInput(type);
    inputs.set(input.name, input);
    const connection = `${plural[0]!.toUpperCase()}${plural.slice(1)}Connection`;
    objects.set(
      connection,
      objectType<Page>(connection, {
        nodes: { type: many(typeName), resolve: (p) => p.nodes },
        pageInfo: { type: one("PageInfo"), resolve: (p) => p.pageInfo },
        totalCount: { type: one("Int"), resolve: (p) => p.totalCount },
      }),
    );
    const filterArg = { filter: one(input.name) };
    rootFields[plural] = {
      type: many(typeName),
      args: filterArg,
      resolve: (_s, a) => applyFilter(type, items, a.filter),
    };
    rootFields[`${plural}Connection`] = {
      type: one(connection),
      args: { ...filterArg, first: one("Int"), after: one("String"), offset: one("Int") },
      resolve: (_s, a) => page(applyFilter(type, items, a.filter), a),
    };
  }
  const query = objectType<null>("Query", rootFields);
  return { query, objects, inputs };
}
