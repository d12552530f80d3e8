/**
 * Builds Tableau's `filter=` and `sort=` expressions from structured conditions, refusing what Tableau would
 * misread: a `,` splits conditions and a `&` ends the query parameter, so a value holding either would silently
 * turn into a different filter. `[` and `]` delimit `in:` lists, so they are refused inside list items.
 */
import { TableauFilterError } from "../errors";

export type FilterOperator = "eq" | "in" | "gt" | "gte" | "lt" | "lte" | "has";
export type FilterValue = string | number | boolean;

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value: FilterValue | readonly FilterValue[];
}

export interface SortKey {
  field: string;
  direction: "asc" | "desc";
}

/** Which operators each field accepts, per resource. */
export type FieldOperators = Readonly<Record<string, readonly FilterOperator[]>>;

const TEXT: readonly FilterOperator[] = ["eq", "in"];
const EQ: readonly FilterOperator[] = ["eq"];
const RANGE: readonly FilterOperator[] = ["eq", "gt", "gte", "lt", "lte"];

/** Query Workbooks for Site: filterable and sortable fields (tableau-reference.md §3). */
export const WORKBOOK_FIELDS: FieldOperators = {
  name: TEXT,
  contentUrl: TEXT,
  projectName: TEXT,
  ownerName: TEXT,
  ownerEmail: TEXT,
  ownerDomain: TEXT,
  tags: TEXT,
  displayTabs: EQ,
  hasAlerts: EQ,
  hasExtracts: EQ,
  createdAt: RANGE,
  updatedAt: RANGE,
  size: RANGE,
  sheetCount: RANGE,
  favoritesTotal: RANGE,
  subscriptionTotal: RANGE,
};

/** Query Views for Site. */
export const VIEW_FIELDS: FieldOperators = {
  name: TEXT,
  contentUrl: TEXT,
  viewUrlName: TEXT,
  title: TEXT,
  workbookName: TEXT,
  projectName: TEXT,
  ownerName: TEXT,
  ownerEmail: TEXT,
  ownerDomain: TEXT,
  tags: TEXT,
  sheetType: EQ,
  createdAt: RANGE,
  updatedAt: RANGE,
  hitsTotal: RANGE,
  sheetNumber: RANGE,
};

/** Query Projects. */
export const PROJECT_FIELDS: FieldOperators = {
  name: TEXT,
  ownerName: TEXT,
  ownerEmail: TEXT,
  ownerDomain: TEXT,
  parentProjectId: EQ,
  topLevelProject: EQ,
  createdAt: RANGE,
  updatedAt: RANGE,
};

/** Get Users on Site. */
export const USER_FIELDS: FieldOperators = {
  name: TEXT,
  friendlyName: TEXT,
  email: TEXT,
  siteRole: TEXT,
  lastLogin: RANGE,
};

/**
 * `[{ field: "name", op: "eq", value: "Foo" }, { field: "projectName", op: "in", value: ["A", "B"] }]` →
 * `name:eq:Foo,projectName:in:[A,B]`. Returns `undefined` for no conditions. Throws {@link TableauFilterError}.
 */
export function buildFilter(
  conditions: readonly FilterCondition[],
  fields: FieldOperators = WORKBOOK_FIELDS,
): string | undefined {
  if (conditions.length === 0) return undefined;
  return conditions.map((c) => buildCondition(c, fields)).join(",");
}

/** `[{ field: "name", direction: "asc" }]` → `name:asc`. Throws {@link TableauFilterError} on unknown fields. */
export function buildSort(
  keys: readonly SortKey[],
  fields: FieldOperators = WORKBOOK_FIELDS,
): string | undefined {
  if (keys.length === 0) return undefined;
  return keys
    .map((k) => {
      checkField(k.field, fields);
      if (k.direction !== "asc" && k.direction !== "desc") {
        throw new TableauFilterError(
          "filter_bad_operator",
          k.field,
          `Sort direction must be "asc" or "desc".`,
        );
      }
      return `${k.field}:${k.direction}`;
    })
    .join(",");
}

function buildCondition(c: FilterCondition, fields: FieldOperators): string {
  const ops = checkField(c.field, fields);
  if (!ops.includes(c.op)) {
    throw new TableauFilterError(
      "filter_bad_operator",
      c.field,
      `Tableau does not accept "${c.op}" on "${c.field}"; use ${ops.join(" or ")}.`,
    );
  }
  if (c.op === "in") {
    const list = Array.isArray(c.value) ? (c.value as readonly FilterValue[]) : [c.value as FilterValue];
    if (list.length === 0) {
      throw new TableauFilterError(
        "filter_bad_value",
        c.field,
        `An "in" filter on "${c.field}" needs values.`,
      );
    }
    return `${c.field}:in:[${list.map((v) => checkValue(c.field, v, true)).join(",")}]`;
  }
  if (Array.isArray(c.value)) {
    throw new TableauFilterError("filter_bad_value", c.field, `Only "in" takes a list of values.`);
  }
  return `${c.field}:${c.op}:${checkValue(c.field, c.value as FilterValue, false)}`;
}

function checkField(field: string, fields: FieldOperators): readonly FilterOperator[] {
  const ops = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (!ops) {
    throw new TableauFilterError(
      "filter_unknown_field",
      field,
      `Tableau cannot filter or sort on "${field}" here; known fields: ${Object.keys(fields).join(", ")}.`,
    );
  }
  return ops;
}

function checkValue(field: string, value: FilterValue, inList: boolean): string {
  const text = String(value);
  if (text.length === 0) {
    throw new TableauFilterError("filter_bad_value", field, `The filter value for "${field}" is empty.`);
  }
  const bad = inList ? /[,&[\]]/ : /[,&]/;
  const found = bad.exec(text)?.[0];
  if (found) {
    throw new TableauFilterError(
      "filter_bad_value",
      field,
      `Tableau filters cannot match a value containing "${found}" (${field}: "${text}").`,
    );
  }
  return text;
}
