/**
 * Input values: a literal in the query, or a variable's JSON value, checked against an argument's type and
 * turned into a plain JS value (lists of one value may be given bare, as GraphQL allows).
 */
import type { ValueNode } from "./ast";
import { SCALARS, type Schema, type TypeRef } from "./schema-types";

export class InputError extends Error {
  readonly code = "INPUT_ERROR";
}

const describe = (t: TypeRef) => (t.list ? `[${t.name}]` : t.name);

/** A literal (with variables substituted from `variables`) as a JS value of type `type`. */
export function literalValue(
  node: ValueNode,
  type: TypeRef,
  schema: Schema,
  variables: Record<string, unknown>,
): unknown {
  if (node.kind === "variable")
    return coerceJson(variables[node.name] ?? null, type, schema, `$${node.name}`);
  if (node.kind === "null") return null;
  if (type.list) {
    const items = node.kind === "list" ? node.values : [node];
    return items.map((item) => literalValue(item, { name: type.name, list: false }, schema, variables));
  }
  const input = schema.inputs.get(type.name);
  if (input) {
    if (node.kind !== "object") throw new InputError(`expected an input object of type ${type.name}`);
    const out: Record<string, unknown> = {};
    for (const field of node.fields) {
      const fieldType = Object.hasOwn(input.fields, field.name) ? input.fields[field.name] : undefined;
      if (!fieldType) throw new InputError(`field '${field.name}' is not present in '${type.name}'`);
      out[field.name] = literalValue(field.value, fieldType, schema, variables);
    }
    return out;
  }
  const scalar: unknown =
    node.kind === "int" || node.kind === "float" || node.kind === "string" || node.kind === "boolean"
      ? node.value
      : undefined;
  if (scalar === undefined) throw new InputError(`expected a value of type ${describe(type)}`);
  return coerceScalar(scalar, type.name);
}

/** A variable's JSON value as a JS value of type `type`. */
export function coerceJson(value: unknown, type: TypeRef, schema: Schema, where: string): unknown {
  if (value === null || value === undefined) return null;
  if (type.list) {
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => coerceJson(item, { name: type.name, list: false }, schema, where));
  }
  const input = schema.inputs.get(type.name);
  if (input) {
    if (typeof value !== "object" || Array.isArray(value))
      throw new InputError(`${where}: expected an object of type ${type.name}`);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const fieldType = Object.hasOwn(input.fields, key) ? input.fields[key] : undefined;
      if (!fieldType) throw new InputError(`${where}: field '${key}' is not present in '${type.name}'`);
      out[key] = coerceJson(v, fieldType, schema, `${where}.${key}`);
    }
    return out;
  }
  if (!SCALARS.has(type.name)) throw new InputError(`${where}: unknown type ${type.name}`);
  return coerceScalar(value, type.name, where);
}

function coerceScalar(value: unknown, scalar: string, where = "value"): unknown {
  const fail = () => new InputError(`${where}: ${JSON.stringify(value)} is not a valid ${scalar}`);
  switch (scalar) {
    case "Int":
      if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1)
        throw fail();
      return value;
    case "Boolean":
      if (typeof value !== "boolean") throw fail();
      return value;
    case "ID":
      if (typeof value === "number" && Number.isInteger(value)) return String(value);
      if (typeof value !== "string") throw fail();
      return value;
    default: // String, DateTime
      if (typeof value !== "string") throw fail();
      return value;
  }
}
