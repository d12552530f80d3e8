/**
 * A recursive-descent parser for GraphQL executable documents (operations and fragments). Selection sets
 * nest at most {@link MAX_DEPTH} deep, so a hostile query cannot exhaust the stack.
 */
import type {
  ArgumentNode,
  DirectiveNode,
  DocumentNode,
  FragmentNode,
  OperationNode,
  SelectionNode,
  TypeNode,
  ValueNode,
  VariableDefinition,
} from "./ast";
import { syntaxError } from "./errors";
import { lex, type Token } from "./lexer";

export const MAX_DEPTH = 24;

export function parseDocument(source: string): DocumentNode {
  return new Parser(lex(source)).document();
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  document(): DocumentNode {
    const operations: OperationNode[] = [];
    const fragments = new Map<string, FragmentNode>();
    do {
      if (this.peekName("fragment")) {
        const fragment = this.fragment();
        if (fragments.has(fragment.name))
          throw syntaxError(`fragment '${fragment.name}' is defined twice`, fragment.loc);
        fragments.set(fragment.name, fragment);
      } else operations.push(this.operation());
    } while (this.peek().kind !== "eof");
    return { operations, fragments };
  }

  private operation(): OperationNode {
    const loc = this.peek().loc;
    if (this.peekPunct("{"))
      return { operation: "query", variables: [], selections: this.selectionSet(), loc };
    const type = this.name();
    if (type !== "query" && type !== "mutation" && type !== "subscription")
      throw syntaxError(`offending token '${type}'`, loc);
    const name = this.peek().kind === "name" ? this.name() : undefined;
    const variables = this.peekPunct("(") ? this.variableDefinitions() : [];
    this.directives();
    return { operation: type, name, variables, selections: this.selectionSet(), loc };
  }

  private fragment(): FragmentNode {
    const loc = this.expectName("fragment").loc;
    const name = this.name();
    if (name === "on") throw syntaxError("a fragment cannot be named 'on'", loc);
    this.expectName("on");
    const typeCondition = this.name();
    this.directives();
    return { name, typeCondition, selections: this.selectionSet(), loc };
  }

  private variableDefinitions(): VariableDefinition[] {
    this.expectPunct("(");
    const out: VariableDefinition[] = [];
    do {
      const loc = this.expectPunct("$").loc;
      const name = this.name();
      this.expectPunct(":");
      const type = this.type();
      const defaultValue = this.skipPunct("=") ? this.value(true) : undefined;
      this.directives();
      out.push({ name, type, defaultValue, loc });
    } while (!this.skipPunct(")"));
    return out;
  }

  private type(): TypeNode {
    let type: TypeNode;
    if (this.skipPunct("[")) {
      type = { name: "", list: this.type(), nonNull: false };
      this.expectPunct("]");
    } else type = { name: this.name(), list: null, nonNull: false };
    if (this.skipPunct("!")) type.nonNull = true;
    return type;
  }

  private selectionSet(): SelectionNode[] {
    const open = this.expectPunct("{");
    if (++this.depth > MAX_DEPTH)
      throw syntaxError(`selections nest deeper than ${MAX_DEPTH} levels`, open.loc);
    const out: SelectionNode[] = [];
    do out.push(this.selection());
    while (!this.skipPunct("}"));
    this.depth--;
    return out;
  }

  private selection(): SelectionNode {
    const loc = this.peek().loc;
    if (this.skipPunct("...")) {
      if (this.peek().kind === "name" && !this.peekName("on"))
        return { kind: "spread", name: this.name(), directives: this.directives(), loc };
      let typeCondition: string | undefined;
      if (this.peekName("on")) {
        this.next();
        typeCondition = this.name();
      }
      return {
        kind: "inline",
        typeCondition,
        directives: this.directives(),
        selections: this.selectionSet(),
        loc,
      };
    }
    let name = this.name();
    let alias: string | undefined;
    if (this.skipPunct(":")) {
      alias = name;
      name = this.name();
    }
    const args = this.peekPunct("(") ? this.arguments(false) : [];
    const directives = this.directives();
    const selections = this.peekPunct("{") ? this.selectionSet() : undefined;
    return { kind: "field", alias, name, args, directives, selections, loc };
  }

  private arguments(constant: boolean): ArgumentNode[] {
    this.expectPunct("(");
    const out: ArgumentNode[] = [];
    do {
      const loc = this.peek().loc;
      const name = this.name();
      this.expectPunct(":");
      out.push({ name, value: this.value(constant), loc });
    } while (!this.skipPunct(")"));
    return out;
  }

  private directives(): DirectiveNode[] {
    const out: DirectiveNode[] = [];
    while (this.peekPunct("@")) {
      const loc = this.next().loc;
      const name = this.name();
      out.push({ name, args: this.peekPunct("(") ? this.arguments(false) : [], loc });
    }
    return out;
  }

  private value(constant: boolean): ValueNode {
    const t = this.next();
    const loc = t.loc;
    if (t.kind === "punct" && t.value === "$" && !constant)
      return { kind: "variable", name: this.name(), loc };
    if (t.kind === "int" || t.kind === "float") return { kind: t.kind, value: Number(t.value), loc };
    if (t.kind === "string") return { kind: "string", value: t.value, loc };
    if (t.kind === "name") {
      if (t.value === "true" || t.value === "false")
        return { kind: "boolean", value: t.value === "true", loc };
      if (t.value === "null") return { kind: "null", loc };
      return { kind: "enum", value: t.value, loc };
    }
    if (t.kind === "punct" && t.value === "[") {
      if (++this.depth > MAX_DEPTH) throw syntaxError("values nest too deep", loc);
      const values: ValueNode[] = [];
      while (!this.skipPunct("]")) values.push(this.value(constant));
      this.depth--;
      return { kind: "list", values, loc };
    }
    if (t.kind === "punct" && t.value === "{") {
      if (++this.depth > MAX_DEPTH) throw syntaxError("values nest too deep", loc);
      const fields: ArgumentNode[] = [];
      while (!this.skipPunct("}")) {
        const fieldLoc = this.peek().loc;
        const name = this.name();
        this.expectPunct(":");
        fields.push({ name, value: this.value(constant), loc: fieldLoc });
      }
      this.depth--;
      return { kind: "object", fields, loc };
    }
    throw syntaxError(`offending token '${t.value}'`, loc);
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.at++;
    return t;
  }

  private peekPunct(value: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.value === value;
  }

  private peekName(value: string): boolean {
    const t = this.peek();
    return t.kind === "name" && t.value === value;
  }

  private skipPunct(value: string): boolean {
    if (!this.peekPunct(value)) return false;
    this.at++;
    return true;
  }

  private expectPunct(value: string): Token {
    if (!this.peekPunct(value))
      throw syntaxError(`offending token '${this.peek().value}', expected '${value}'`, this.peek().loc);
    return this.next();
  }

  private expectName(value: string): Token {
    if (!this.peekName(value))
      throw syntaxError(`offending token '${this.peek().value}', expected '${value}'`, this.peek().loc);
    return this.next();
  }

  private name(): string {
    const t = this.peek();
    if (t.kind !== "name") throw syntaxError(`offending token '${t.value}'`, t.loc);
    this.at++;
    return t.value;
  }
}
