/**
 * How a schema is described to the executor: object types whose fields resolve from a source value, and input
 * object types for arguments. No interfaces, unions, enums or introspection: the Metadata API subset the
 * emulator serves needs none of them.
 */
export type ScalarName = "ID" | "String" | "Int" | "Boolean" | "DateTime";
export const SCALARS: ReadonlySet<string> = new Set<ScalarName>([
  "ID",
  "String",
  "Int",
  "Boolean",
  "DateTime",
]);

/** A field's or argument's type: a scalar, an object (output) or input type by name, possibly a list. */
export interface TypeRef {
  name: string;
  list: boolean;
}

export interface FieldSpec {
  type: TypeRef;
  args: Record<string, TypeRef>;
  resolve: (source: unknown, args: Record<string, unknown>) => unknown;
}

export interface ObjectSpec {
  name: string;
  fields: Record<string, FieldSpec>;
}

export interface InputSpec {
  name: string;
  fields: Record<string, TypeRef>;
}

export interface Schema {
  query: ObjectSpec;
  objects: ReadonlyMap<string, ObjectSpec>;
  inputs: ReadonlyMap<string, InputSpec>;
}

/** Thrown by a resolver: the field becomes null and the error is reported with its path. */
export class FieldError extends Error {
  readonly code = "FIELD_ERROR";
}
