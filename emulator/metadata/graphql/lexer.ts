/** GraphQL's lexical grammar (October 2021 spec, §2.1): punctuators, names, numbers, strings, block strings. */
import { syntaxError, type SourceLocation } from "./errors";

export type TokenKind = "punct" | "name" | "int" | "float" | "string" | "eof";

export interface Token {
  kind: TokenKind;
  value: string;
  loc: SourceLocation;
}

const PUNCT = new Set(["!", "$", "&", "(", ")", ":", "=", "@", "[", "]", "{", "|", "}"]);
const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const loc = (at: number): SourceLocation => ({ line, column: at - lineStart + 1 });
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\n" || c === "\r") {
      i += c === "\r" && source[i + 1] === "\n" ? 2 : 1;
      line++;
      lineStart = i;
    } else if (c === " " || c === "\t" || c === ",") i++;
    else if (c === "#") while (i < source.length && source[i] !== "\n" && source[i] !== "\r") i++;
    else if (source.startsWith("...", i)) {
      tokens.push({ kind: "punct", value: "...", loc: loc(i) });
      i += 3;
    } else if (PUNCT.has(c)) {
      tokens.push({ kind: "punct", value: c, loc: loc(i) });
      i++;
    } else if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      if (end < 0) throw syntaxError("unterminated block string", loc(i));
      tokens.push({ kind: "string", value: source.slice(i + 3, end), loc: loc(i) });
      for (let j = i; j < end; j++) {
        if (source[j] !== "\n") continue;
        line++;
        lineStart = j + 1;
      }
      i = end + 3;
    } else if (c === '"') {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        const d = source[i];
        if (d === undefined || d === "\n" || d === "\r") throw syntaxError("unterminated string", loc(start));
        i++;
        if (d === '"') break;
        if (d !== "\\") {
          value += d;
          continue;
        }
        const e = source[i++] ?? "";
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(source.slice(i, i + 4))) {
          value += String.fromCharCode(parseInt(source.slice(i, i + 4), 16));
          i += 4;
        } else if (ESCAPES[e] !== undefined) value += ESCAPES[e];
        else throw syntaxError(`invalid escape '\\${e}'`, loc(i - 2));
      }
      tokens.push({ kind: "string", value, loc: loc(start) });
    } else if (sticky(NAME, source, i)) {
      const value = sticky(NAME, source, i)!;
      tokens.push({ kind: "name", value, loc: loc(i) });
      i += value.length;
    } else if (sticky(NUMBER, source, i)) {
      const value = sticky(NUMBER, source, i)!;
      if (/[_A-Za-z.]/.test(source[i + value.length] ?? ""))
        throw syntaxError(`invalid number '${value}…'`, loc(i));
      tokens.push({ kind: /[.eE]/.test(value) ? "float" : "int", value, loc: loc(i) });
      i += value.length;
    } else throw syntaxError(`offending token '${c}'`, loc(i));
  }
  tokens.push({ kind: "eof", value: "<EOF>", loc: loc(i) });
  return tokens;
}

function sticky(re: RegExp, source: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(source)?.[0] ?? null;
}
