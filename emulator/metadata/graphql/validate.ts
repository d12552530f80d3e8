/**
 * Validation before execution (§5, the rules a client meets in practice): the operation exists and is a query,
 * every field and argument is defined on its type, objects have selections and scalars none, argument
 * literals fit their types, fragments exist, fit the type they are spread on and do not cycle, and every
 * variable used is declared with a known type.
 */
import type { DocumentNode, OperationNode, SelectionNode, TypeNode, ValueNode } from "./ast";
import { GraphQLError, validationError } from "./errors";
import { SCALARS, type ObjectSpec, type Schema } from "./schema-types";
import { InputError, literalValue } from "./values";

export function selectOperation(doc: DocumentNode, operationName: string | undefined): OperationNode {
  const named = operationName ? doc.operations.filter((o) => o.name === operationName) : doc.operations;
  if (named.length === 1) return named[0]!;
  throw new GraphQLError(
    operationName
      ? `Unknown operation named '${operationName}'.`
      : "Must provide operation name if query contains multiple operations.",
    "ValidationError",
  );
}

export function validate(doc: DocumentNode, operation: OperationNode, schema: Schema): GraphQLError[] {
  const errors: GraphQLError[] = [];
  if (operation.operation !== "query") {
    errors.push(
      validationError(
        "UnknownOperation",
        [],
        `Schema is not configured for ${operation.operation}s.`,
        operation.loc,
      ),
    );
    return errors;
  }
  const declared = new Map(operation.variables.map((v) => [v.name, v]));
  for (const v of operation.variables) {
    const base = baseName(v.type);
    if (!SCALARS.has(base) && !schema.inputs.has(base))
      errors.push(validationError("UnknownType", [], `Unknown type ${base}`, v.loc));
  }
  // A fragment is checked once per type it is spread on: re-walking it at every spread would let a few nested
  // fragments, each spreading the next twice, cost exponential time.
  const checked = new Set<string>();
  const walk = (selections: SelectionNode[], type: ObjectSpec, path: string[], fragments: string[]) => {
    for (const s of selections) {
      for (const d of s.directives)
        if ((d.name !== "include" && d.name !== "skip") || d.args.length !== 1 || d.args[0]!.name !== "if")
          errors.push(
            validationError(
              "UnknownDirective",
              path,
              `Unknown directive @${d.name} (use @include(if:) or @skip(if:))`,
              d.loc,
            ),
          );
        else checkVariables([d.args[0]!.value], declared, path, errors);
      if (s.kind === "spread" || s.kind === "inline") {
        const fragment = s.kind === "spread" ? doc.fragments.get(s.name) : undefined;
        if (s.kind === "spread" && !fragment) {
          errors.push(validationError("UndefinedFragment", path, `Undefined fragment ${s.name}`, s.loc));
          continue;
        }
        if (s.kind === "spread" && fragments.includes(s.name)) {
          errors.push(validationError("FragmentCycle", path, `Fragment cycle through ${s.name}`, s.loc));
          continue;
        }
        const condition = fragment
          ? fragment.typeCondition
          : s.kind === "inline"
            ? s.typeCondition
            : undefined;
        if (condition && condition !== schema.query.name && !schema.objects.has(condition)) {
          errors.push(validationError("UnknownType", path, `Unknown type ${condition}`, s.loc));
          continue;
        }
        if (condition && condition !== type.name) {
          errors.push(
            validationError(
              "InvalidFragmentType",
              path,
              `Fragment cannot be spread here as objects of type '${type.name}' can never be of type '${condition}'`,
              s.loc,
            ),
          );
          continue;
        }
        if (fragment) {
          if (checked.has(`${fragment.name}@${type.name}`)) continue;
          checked.add(`${fragment.name}@${type.name}`);
        }
        const inner = fragment ? fragment.selections : s.kind === "inline" ? s.selections : [];
        walk(inner, type, path, s.kind === "spread" ? [...fragments, s.name] : fragments);
        continue;
      }
      const here = [...path, s.alias ?? s.name];
      checkVariables(
        s.args.map((a) => a.value),
        declared,
        here,
        errors,
      );
      if (s.name === "__typename") {
        if (s.selections)
          errors.push(
            validationError(
              "SubselectionNotAllowed",
              here,
              "Sub selection not allowed on leaf type String of field __typename",
              s.loc,
            ),
          );
        continue;
      }
      const field = Object.hasOwn(type.fields, s.name) ? type.fields[s.name] : undefined;
      if (!field) {
        errors.push(
          validationError(
            "FieldUndefined",
            here,
            `Field '${s.name}' in type '${type.name}' is undefined`,
            s.loc,
          ),
        );
        continue;
      }
      for (const arg of s.args) {
        const argType = Object.hasOwn(field.args, arg.name) ? field.args[arg.name] : undefined;
        if (!argType) {
          errors.push(
            validationError("UnknownArgument", here, `Unknown field argument ${arg.name}`, arg.loc),
          );
          continue;
        }
        const problem = literalProblem(arg.value, () => literalValue(arg.value, argType, schema, {}));
        if (problem)
          errors.push(validationError("WrongType", here, `argument '${arg.name}': ${problem}`, arg.loc));
      }
      const object = schema.objects.get(field.type.name);
      if (object && !s.selections)
        errors.push(
          validationError(
            "SubselectionRequired",
            here,
            `Subselection required for type '${object.name}' of field '${s.name}'`,
            s.loc,
          ),
        );
      else if (!object && s.selections)
        errors.push(
          validationError(
            "SubselectionNotAllowed",
            here,
            `Sub selection not allowed on leaf type ${field.type.name} of field ${s.name}`,
            s.loc,
          ),
        );
      else if (object && s.selections) walk(s.selections, object, here, fragments);
    }
  };
  walk(operation.selections, schema.query, [], []);
  return errors;
}

function baseName(type: TypeNode): string {
  return type.list ? baseName(type.list) : type.name;
}

/** Variables inside a literal are checked at execution; only the parts without them are checked here. */
function literalProblem(value: ValueNode, check: () => unknown): string | null {
  if (containsVariable(value)) return null;
  try {
    check();
    return null;
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
}

function containsVariable(value: ValueNode): boolean {
  if (value.kind === "variable") return true;
  if (value.kind === "list") return value.values.some(containsVariable);
  if (value.kind === "object") return value.fields.some((f) => containsVariable(f.value));
  return false;
}

function checkVariables(
  values: ValueNode[],
  declared: ReadonlyMap<string, unknown>,
  path: string[],
  errors: GraphQLError[],
): void {
  for (const value of values) {
    if (value.kind === "variable" && !declared.has(value.name))
      errors.push(validationError("VariableUndefined", path, `Undefined variable ${value.name}`, value.loc));
    if (value.kind === "list") checkVariables(value.values, declared, path, errors);
    if (value.kind === "object")
      checkVariables(
        value.fields.map((f) => f.value),
        declared,
        path,
        errors,
      );
  }
}
