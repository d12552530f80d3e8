/** The parsed query document: only what an executable document holds (§2.2), no type-system definitions. */
import type { SourceLocation } from "./errors";

export type ValueNode =
  | { kind: "variable"; name: string; loc: SourceLocation }
  | { kind: "int" | "float"; value: number; loc: SourceLocation }
  | { kind: "string"; value: string; loc: SourceLocation }
  | { kind: "boolean"; value: boolean; loc: SourceLocation }
  | { kind: "null"; loc: SourceLocation }
  | { kind: "enum"; value: string; loc: SourceLocation }
  | { kind: "list"; values: ValueNode[]; loc: SourceLocation }
  | { kind: "object"; fields: ArgumentNode[]; loc: SourceLocation };

export interface ArgumentNode {
  name: string;
  value: ValueNode;
  loc: SourceLocation;
}

export interface DirectiveNode {
  name: string;
  args: ArgumentNode[];
  loc: SourceLocation;
}

export interface FieldNode {
  kind: "field";
  alias?: string;
  name: string;
  args: ArgumentNode[];
  directives: DirectiveNode[];
  selections?: SelectionNode[];
  loc: SourceLocation;
}

export interface SpreadNode {
  kind: "spread";
  name: string;
  directives: DirectiveNode[];
  loc: SourceLocation;
}

export interface InlineFragmentNode {
  kind: "inline";
  typeCondition?: string;
  directives: DirectiveNode[];
  selections: SelectionNode[];
  loc: SourceLocation;
}

export type SelectionNode = FieldNode | SpreadNode | InlineFragmentNode;

export interface TypeNode {
  name: string;
  list: TypeNode | null;
  nonNull: boolean;
}

export interface VariableDefinition {
  name: string;
  type: TypeNode;
  defaultValue?: ValueNode;
  loc: SourceLocation;
}

export interface OperationNode {
  operation: "query" | "mutation" | "subscription";
  name?: string;
  variables: VariableDefinition[];
  selections: SelectionNode[];
  loc: SourceLocation;
}

export interface FragmentNode {
  name: string;
  typeCondition: string;
  selections: SelectionNode[];
  loc: SourceLocation;
}

export interface DocumentNode {
  operations: OperationNode[];
  fragments: Map<string, FragmentNode>;
}
