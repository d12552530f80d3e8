/**
 * REDIS_URL: the shared store's address. Only redis:// and rediss:// (TLS) with a host, an optional user and
 * password, and an optional database number; the message never repeats the value, which may hold a password.
 */
import { z } from "zod";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const redisUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .refine(
      (value) => {
        if (value === undefined) return true;
        try {
          const url = new URL(value);
          const db = url.pathname.replace(/^\//, "");
          return (
            (url.protocol === "redis:" || url.protocol === "rediss:") &&
            url.hostname !== "" &&
            /^\d{0,2}$/.test(db)
          );
        } catch {
          return false;
        }
      },
      {
        error:
          "must be a redis:// or rediss:// URL, e.g. redis://localhost:6379 (a database number may follow)",
      },
    ),
);
