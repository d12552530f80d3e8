/** One log line per request; query parameters that can carry a token are redacted. */
const SECRET_PARAMS = /^(token|jwt|.*secret.*|x-tableau-auth)$/i;

export function loggablePath(url: URL): string {
  if (!url.search) return url.pathname;
  const params = new URLSearchParams(url.search);
  for (const key of [...params.keys()]) if (SECRET_PARAMS.test(key)) params.set(key, "redacted");
  return `${url.pathname}?${params.toString()}`;
}

export function statsPrefix(path: string): string {
  const first = path.split("/")[1] ?? "";
  return first ? `/${first}/` : "/";
}
