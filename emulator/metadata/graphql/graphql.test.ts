import { describe, expect, it } from "vitest";
import { objectType, many, one, scalar } from "../build";
import { GraphQLError } from "./errors";
import { execute, NODE_LIMIT } from "./execute";
import { MAX_DEPTH, parseDocument } from "./parser";
import { FieldError, type Schema } from "./schema-types";
import { selectOperation, validate } from "./validate";

interface Node {
  name: string;
  n: number;
}
const node = (name: string, n = 1): Node => ({ name, n });
const schema: Schema = {
  query: objectType<null>("Query", {
    items: {
      type: many("Item"),
      args: { filter: one("Item_Filter"), limit: one("Int") },
      resolve: (_s, a) =>
        [node("a", 1), node("b", 2), node("c", 3)]
          .filter((i) => !a.filter || i.name === (a.filter as { name: string }).name)
          .slice(0, (a.limit as number | undefined) ?? 3),
    },
    boom: {
      type: one("Item"),
      resolve: () => {
        throw new FieldError("no such item");
      },
    },
    many: {
      type: many("Item"),
      args: { count: one("Int") },
      resolve: (_s, a) => Array.from({ length: a.count as number }, (_, i) => node(`n${i}`)),
    },
  }),
  objects: new Map([
    [
      "Item",
      objectType<Node>("Item", {
        name: scalar("String", (i) => i.name),
        n: scalar("Int", (i) => i.n),
        self: { type: one("Item"), resolve: (i) => i },
      }),
    ],
  ]),
  inputs: new Map([["Item_Filter", { name: "Item_Filter", fields: { name: one("String") } }]]),
};

function run(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  try {
    const doc = parseDocument(query);
    const op = selectOperation(doc, operationName);
    const errors = validate(doc, op, schema);
    if (errors.length) return { errors: errors.map((e) => e.toJSON()) };
    const result = execute(schema, doc, op, variables);
    return { data: result.data, errors: result.errors.map((e) => e.toJSON()) };
  } catch (err) {
    if (err instanceof GraphQLError) return { errors: [err.toJSON()] };
    throw err;
  }
}
const messages = (r: ReturnType<typeof run>) => r.errors.map((e) => String(e.message));

describe("GraphQL subset", () => {
  it("executes fields, aliases, arguments, variables with defaults, fragments, inline fragments and directives", () => {
    const r = run(
      `query Q($who: String = "b", $show: Boolean!) {
        first: items(limit: 1) { name }
        picked: items(filter: {name: $who}) { ...F self { n @include(if: $show) name @skip(if: true) } }
        __typename
      }
      fragment F on Item { name ... on Item { n } }`,
      { show: false },
    );
    expect(r).toEqual({
      data: { first: [{ name: "a" }], picked: [{ name: "b", n: 2, self: {} }], __typename: "Query" },
      errors: [],
    });
  });

  it("reports syntax errors with the place, in graphql-java's wording", () => {
    expect(run("{ items { name }").errors[0]).toEqual({
      message: "Invalid Syntax : offending token '<EOF>' at line 1 column 17",
      locations: [{ line: 1, column: 17 }],
      extensions: { classification: "InvalidSyntax" },
    });
    expect(messages(run('{ items(filter: {name: "a\\q"}) { name } }'))[0]).toContain("invalid escape");
    expect(messages(run("{ items { name } } %"))[0]).toContain("offending token '%'");
  });

  it("validates fields, arguments, selections, fragments, variables and directives", () => {
    expect(messages(run("{ items { colour } }"))).toEqual([
      "Validation error (FieldUndefined@[items/colour]) : Field 'colour' in type 'Item' is undefined",
    ]);
    expect(messages(run("{ items(colour: 1) { name } }"))[0]).toContain("UnknownArgument");
    expect(messages(run("{ items }"))[0]).toContain("SubselectionRequired");
    expect(messages(run("{ items { name { x } } }"))[0]).toContain("SubselectionNotAllowed");
    expect(messages(run('{ items(limit: "3") { name } }'))[0]).toContain("WrongType");
    expect(messages(run("{ items(filter: {colour: 1}) { name } }"))[0]).toContain(
      "'colour' is not present in 'Item_Filter'",
    );
    expect(messages(run("{ items { ...Nope } }"))[0]).toContain("UndefinedFragment");
    expect(messages(run("{ items { ...A } } fragment A on Item { self { ...A } }"))[0]).toContain(
      "FragmentCycle",
    );
    expect(messages(run("{ items { ... on Query { __typename } } }"))[0]).toContain("InvalidFragmentType");
    expect(messages(run("{ items(limit: $n) { name } }"))[0]).toContain("VariableUndefined");
    expect(messages(run("{ items { name @deprecated } }"))[0]).toContain("UnknownDirective");
    expect(messages(run("mutation { items { name } }"))[0]).toContain("not configured for mutations");
    expect(messages(run("query A { __typename } query B { __typename }"))[0]).toContain("operation name");
    expect(run("query A { __typename } query B { __typename }", {}, "B").data).toEqual({
      __typename: "Query",
    });
  });

  it("checks variables against their declared types before running", () => {
    expect(messages(run("query($n: Int) { items(limit: $n) { name } }", { n: "two" }))[0]).toContain(
      "not a valid Int",
    );
    expect(messages(run("query($n: Int!) { items(limit: $n) { name } }"))[0]).toContain("non-null");
  });

  it("nulls a failing field and reports it with its path", () => {
    expect(run("{ boom { name } items(limit: 1) { name } }")).toEqual({
      data: { boom: null, items: [{ name: "a" }] },
      errors: [
        {
          message: "no such item",
          locations: [{ line: 1, column: 3 }],
          path: ["boom"],
          extensions: { classification: "DataFetchingException" },
        },
      ],
    });
  });

  it("bounds the work a hostile query can ask for", () => {
    const deep = `{ items { ${"self { ".repeat(MAX_DEPTH)}name${" }".repeat(MAX_DEPTH)} } }`;
    expect(messages(run(deep))[0]).toContain("nest deeper");
    // Each fragment spreads the next twice: without taking a fragment once, this is 2^20 walks.
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on Item { name ...F${i + 1} ...F${i + 1} }`,
    );
    const started = performance.now();
    const r = run(`{ items { ...F0 } } ${fragments.join(" ")} fragment F20 on Item { n }`);
    expect(r.data).toEqual({ items: [node("a", 1), node("b", 2), node("c", 3)] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(messages(run(`{ many(count: ${NODE_LIMIT + 1}) { name } }`))[0]).toContain(
      `${NODE_LIMIT} node limit`,
    );
  });
});
