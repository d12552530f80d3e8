/** Small builders for the Metadata API schema: typed resolvers stored in the executor's untyped specs. */
import type { FieldSpec, ObjectSpec, TypeRef } from "./graphql/schema-types";

export interface Field<S> {
  type: TypeRef;
  args?: Record<string, TypeRef>;
  resolve: (source: S, args: Record<string, unknown>) => unknown;
}

export const one = (name: string): TypeRef => ({ name, list: false });
export const many = (name: string): TypeRef => ({ name, list: true });

/** A scalar field read straight off the source. */
export function scalar<S>(name: string, get: (source: S) => unknown): Field<S> {
  return { type: one(name), resolve: get };
}

export function objectType<S>(name: string, fields: Record<string, Field<S>>): ObjectSpec {
  const specs: Record<string, FieldSpec> = {};
  for (const [key, f] of Object.entries(fields))
    // The executor only hands a type's resolvers the sources this type's parent resolved, so S holds.
    specs[key] = {
      type: f.type,
      args: f.args ?? {},
      resolve: (source, args) => f.resolve(source as S, args),
    };
  return { name, fields: specs };
}
