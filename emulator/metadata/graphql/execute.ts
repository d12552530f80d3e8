/**
 * Executes a validated query (§6): collects fields through fragments and `@include`/`@skip`, resolves each,
 * and completes lists and objects. A resolver's {@link FieldError} nulls its field and is reported with the
 * field's path; past {@link NODE_LIMIT} objects the request stops, as Tableau's Metadata API caps a response.
 */
import type { DirectiveNode, DocumentNode, FieldNode, OperationNode, SelectionNode } from "./ast";
import { GraphQLError } from "./errors";
import { FieldError, type ObjectSpec, type Schema, type TypeRef } from "./schema-types";
import { coerceJson, InputError, literalValue } from "./values";

export const NODE_LIMIT = 20_000;

export interface ExecutionResult {
  data?: Record<string, unknown> | null;
  errors: GraphQLError[];
}

class NodeLimitError extends Error {
  readonly code = "NODE_LIMIT";
}

export function execute(
  schema: Schema,
  doc: DocumentNode,
  operation: OperationNode,
  rawVariables: Record<string, unknown>,
): ExecutionResult {
  const errors: GraphQLError[] = [];
  const variables: Record<string, unknown> = {};
  for (const def of operation.variables) {
    const type = typeRef(def.type);
    try {
      const raw = Object.hasOwn(rawVariables, def.name) ? rawVariables[def.name] : undefined;
      const value =
        raw !== undefined
          ? coerceJson(raw, type, schema, `$${def.name}`)
          : def.defaultValue
            ? literalValue(def.defaultValue, type, schema, {})
            : null;
      if (value === null && def.type.nonNull)
        throw new InputError(`Variable '${def.name}' has an invalid value: null for a non-null type`);
      variables[def.name] = value;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return { errors: [new GraphQLError(err.message, "ValidationError", [def.loc])] };
    }
  }
  let nodes = 0;
  const run = (type: ObjectSpec, source: unknown, sets: SelectionNode[][], path: (string | number)[]) => {
    if (++nodes > NODE_LIMIT) throw new NodeLimitError();
    const out: Record<string, unknown> = {};
    for (const [key, fieldNodes] of collectFields(doc, type, sets, variables)) {
      const node = fieldNodes[0]!;
      const here = [...path, key];
      if (node.name === "__typename") {
        out[key] = type.name;
        continue;
      }
      const spec = type.fields[node.name]!;
      try {
        const args: Record<string, unknown> = {};
        for (const arg of node.args) {
          const value = literalValue(arg.value, spec.args[arg.name]!, schema, variables);
          if (value !== null) args[arg.name] = value;
        }
        const subsets = fieldNodes.flatMap((f) => (f.selections ? [f.selections] : []));
        out[key] = complete(spec.type, spec.resolve(source, args), subsets, here);
      } catch (err) {
        if (!(err instanceof FieldError || err instanceof InputError)) throw err;
        errors.push(new GraphQLError(err.message, "DataFetchingException", [node.loc], here));
        out[key] = null;
      }
    }
    return out;
  };
  const complete = (
    type: TypeRef,
    value: unknown,
    sets: SelectionNode[][],
    path: (string | number)[],
  ): unknown => {
    if (value === null || value === undefined) return null;
    if (type.list) {
      if (!Array.isArray(value)) throw new FieldError(`expected a list for ${path.join(".")}`);
      return value.map((item, i) => complete({ name: type.name, list: false }, item, sets, [...path, i]));
    }
    const object = schema.objects.get(type.name);
    return object ? run(object, value, sets, path) : value;
  };
  try {
    return { data: run(schema.query, null, [operation.selections], []), errors };
  } catch (err) {
    if (!(err instanceof NodeLimitError)) throw err;
    const message = `Showing no results: the request exceeded the ${NODE_LIMIT} node limit. Use pagination (first, after), filters, or both.`;
    return { data: null, errors: [new GraphQLError(message, "ExecutionAborted")] };
  }
}

/** Response key → the field nodes that answer it, through fragments (each named one taken once). */
function collectFields(
  doc: DocumentNode,
  type: ObjectSpec,
  sets: SelectionNode[][],
  variables: Record<string, unknown>,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selections: SelectionNode[]) => {
    for (const s of selections) {
      if (!included(s.directives, variables)) continue;
      if (s.kind === "field") {
        const key = s.alias ?? s.name;
        fields.set(key, [...(fields.get(key) ?? []), s]);
      } else if (s.kind === "inline") {
        if (!s.typeCondition || s.typeCondition === type.name) visit(s.selections);
      } else if (!visited.has(s.name)) {
        visited.add(s.name);
        const fragment = doc.fragments.get(s.name);
        if (fragment && fragment.typeCondition === type.name) visit(fragment.selections);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

function included(directives: DirectiveNode[], variables: Record<string, unknown>): boolean {
  for (const d of directives) {
    if (d.name !== "skip" && d.name !== "include") continue;
    const arg = d.args.find((a) => a.name === "if")?.value;
    const value =
      arg?.kind === "variable" ? variables[arg.name] : arg?.kind === "boolean" ? arg.value : undefined;
    if (d.name === "skip" && value === true) return false;
    if (d.name === "include" && value === false) return false;
  }
  return true;
}

function typeRef(node: OperationNode["variables"][number]["type"]): TypeRef {
  return node.list ? { name: typeRef(node.list).name, list: true } : { name: node.name, list: false };
}
