/**
 * Username templates such as `{preferred_username}@corp.example`: literal text and named claims in braces,
 * nothing else. No expressions, no code evaluation, and no literal braces, so a template means one thing.
 */

export type TemplatePart = { kind: "text"; text: string } | { kind: "claim"; claim: string };

export class TemplateSyntaxError extends Error {
  readonly code = "template_invalid";

  constructor(message: string) {
    super(message);
    this.name = "TemplateSyntaxError";
  }
}

/** Splits a template into text and claim parts. Throws TemplateSyntaxError on an unbalanced or empty brace. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf("{", index);
    const close = template.indexOf("}", index);
    if (close !== -1 && (open === -1 || close < open)) {
      throw new TemplateSyntaxError(`has a "}" with no "{" before it (at character ${close + 1})`);
    }
    if (open === -1) {
      parts.push({ kind: "text", text: template.slice(index) });
      break;
    }
    if (open > index) parts.push({ kind: "text", text: template.slice(index, open) });
    const end = template.indexOf("}", open);
    const nested = template.indexOf("{", open + 1);
    if (end === -1 || (nested !== -1 && nested < end)) {
      throw new TemplateSyntaxError(`has a "{" that is not closed (at character ${open + 1})`);
    }
    const claim = template.slice(open + 1, end).trim();
    if (claim === "") throw new TemplateSyntaxError(`has an empty "{}" (at character ${open + 1})`);
    parts.push({ kind: "claim", claim });
    index = end + 1;
  }
  return parts;
}

/** The claim names a template reads, in order of appearance. */
export function templateClaims(parts: TemplatePart[]): string[] {
  return parts.flatMap((part) => (part.kind === "claim" ? [part.claim] : []));
}
