/**
 * GraphQL errors as a GraphQL server reports them: a message, the source locations, the path of the field
 * that failed (execution errors), and an `extensions.classification` in the style of graphql-java, the engine
 * Tableau's Metadata API answers with. The wording is the emulator's own.
 */
export interface SourceLocation {
  line: number;
  column: number;
}

export type Classification =
  "InvalidSyntax" | "ValidationError" | "DataFetchingException" | "ExecutionAborted";

export class GraphQLError extends Error {
  constructor(
    message: string,
    readonly classification: Classification,
    readonly locations: SourceLocation[] = [],
    readonly path?: (string | number)[],
  ) {
    super(message);
  }

  toJSON(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.locations.length ? { locations: this.locations } : {}),
      ...(this.path ? { path: this.path } : {}),
      extensions: { classification: this.classification },
    };
  }
}

export const syntaxError = (message: string, at: SourceLocation) =>
  new GraphQLError(`Invalid Syntax : ${message} at line ${at.line} column ${at.column}`, "InvalidSyntax", [
    at,
  ]);

/** `Validation error (Kind@[path]) : detail`, the shape graphql-java gives its validation messages. */
export const validationError = (kind: string, path: string[], detail: string, at?: SourceLocation) =>
  new GraphQLError(
    `Validation error (${kind}@[${path.join("/")}]) : ${detail}`,
    "ValidationError",
    at ? [at] : [],
  );
