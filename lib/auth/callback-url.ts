/**
 * Only a same-site path may be a post-login destination: `/views/x?y=1`, never `//evil.example`,
 * `https://evil.example` or `/\evil.example` (browsers read a backslash as a slash).
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  // Control characters can smuggle a scheme past naive checks.
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return "/";
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/api/")) return "/";
  return value;
}
