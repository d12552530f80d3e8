/**
 * `POST /api/metadata/graphql`: Tableau's Metadata API, signed in with the REST session's `X-Tableau-Auth`
 * (a Connected App session needs `tableau:content:read`). The body is `{query, variables?, operationName?}`
 * as JSON. GraphQL errors (syntax, validation, a field that failed) come back with HTTP 200 in GraphQL's
 * `errors` shape; a body that is not a GraphQL request is a 400, a missing or bad session a 401, both in the
 * same shape with the REST error code in `extensions.code` (the emulator's choice [?]).
 */
import { z } from "zod";
import { json, type Handler, type Router } from "../core/http";
import { requireSession, SCOPES } from "../rest/auth";
import { TableauRestError } from "../rest/errors";
import { GraphQLError } from "./graphql/errors";
import { execute } from "./graphql/execute";
import { parseDocument } from "./graphql/parser";
import { selectOperation, validate } from "./graphql/validate";
import { metadataSchema } from "./roots";

export const METADATA_PATH = "/api/metadata/graphql";
const MAX_QUERY_CHARS = 100_000;

const requestSchema = z.object({
  query: z.string().min(1).max(MAX_QUERY_CHARS),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

const failure = (status: number, message: string, code: string) =>
  json(status, { errors: [{ message, extensions: { code } }] });

export const metadataGraphql: Handler = (req, ctx) => {
  let session;
  try {
    session = requireSession(req, ctx, { scope: SCOPES.contentRead });
  } catch (err) {
    if (err instanceof TableauRestError)
      return failure(err.status, `${err.summary}: ${err.detail}`, err.code);
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(req.body.toString("utf8"));
  } catch {
    return failure(400, 'The body must be JSON: {"query": "…", "variables": {…}}.', "400000");
  }
  const body = requestSchema.safeParse(raw);
  if (!body.success)
    return failure(
      400,
      `The body must hold "query" (a string up to ${MAX_QUERY_CHARS} characters).`,
      "400000",
    );
  try {
    const doc = parseDocument(body.data.query);
    const operation = selectOperation(doc, body.data.operationName ?? undefined);
    const schema = metadataSchema(ctx, session.identity.user);
    const errors = validate(doc, operation, schema);
    if (errors.length) return json(200, { errors });
    const result = execute(schema, doc, operation, body.data.variables ?? {});
    return json(
      200,
      result.errors.length ? { data: result.data, errors: result.errors } : { data: result.data },
    );
  } catch (err) {
    if (err instanceof GraphQLError) return json(200, { errors: [err] });
    throw err;
  }
};

export function registerMetadataRoutes(router: Router): void {
  router.add("POST", METADATA_PATH, metadataGraphql);
}
