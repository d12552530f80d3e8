/** Parses a sign-in body, JSON or XML (real clients send both); only JWT credentials are accepted. */
import { z } from "zod";
import { restErrors } from "./errors";
import { readXmlTags, XmlParseError } from "./xml";

export interface SigninRequest {
  jwt: string;
  siteContentUrl: string;
}

const jsonSchema = z.object({
  credentials: z.object({
    jwt: z.string().min(1),
    site: z.object({ contentUrl: z.string() }),
  }),
});

export function parseSigninBody(body: Buffer, contentType: string | undefined): SigninRequest {
  const text = body.toString("utf8").trim();
  if (text === "") throw restErrors.badRequest("The sign-in request has no body.");
  const isXml = /xml/i.test(contentType ?? "") || text.startsWith("<");
  return isXml ? parseXml(text) : parseJson(text);
}

function parseJson(text: string): SigninRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw restErrors.badRequest("The sign-in body is not valid JSON.");
  }
  const parsed = jsonSchema.safeParse(raw);
  if (!parsed.success)
    throw restErrors.badRequest(
      'Expected {"credentials":{"jwt":"…","site":{"contentUrl":"…"}}}; the emulator signs in with Connected App JWTs only.',
    );
  return { jwt: parsed.data.credentials.jwt, siteContentUrl: parsed.data.credentials.site.contentUrl };
}

/** A sign-in document is a few kilobytes; the cap keeps the tag scanner's worst case small. */
const MAX_XML_CHARS = 64 * 1024;

function parseXml(text: string): SigninRequest {
  if (text.length > MAX_XML_CHARS) throw restErrors.badRequest("The XML sign-in body is larger than 64 KB.");
  let tags;
  try {
    tags = readXmlTags(text);
  } catch (err) {
    if (err instanceof XmlParseError) throw restErrors.badRequest(err.message);
    throw err;
  }
  const credentials = tags.find((t) => t.name === "credentials");
  const site = tags.find((t) => t.name === "site");
  const jwt = credentials?.attributes.jwt;
  const contentUrl = site?.attributes.contentUrl;
  if (tags[0]?.name !== "tsRequest" || !jwt || contentUrl === undefined)
    throw restErrors.badRequest(
      'Expected <tsRequest><credentials jwt="…"><site contentUrl="…"/></credentials></tsRequest>; the emulator signs in with Connected App JWTs only.',
    );
  return { jwt, siteContentUrl: contentUrl };
}
