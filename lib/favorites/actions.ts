"use server";

/**
 * Starring a view: the action checks the session itself, parses its input with zod, and adds or deletes the
 * favorite in Tableau as the user's own Tableau user, so it cannot touch anyone else's favorites.
 */
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { explainTableauError } from "@/lib/tableau/rest";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";

const inputSchema = z.object({
  viewId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9-]+$/),
  label: z.string().trim().min(1).max(255),
  favorite: z.boolean(),
});

export type FavoriteResult = { ok: true; favorite: boolean } | { ok: false; message: string };

export async function setFavoriteAction(input: unknown): Promise<FavoriteResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended: sign in again to keep favorites." };
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "That is not a view that can be a favorite." };
  const username = await getRestUsername(user.email);
  if (!username)
    return { ok: false, message: "Your account is not linked to a Tableau user, which keeps favorites." };
  const { viewId, label, favorite } = parsed.data;
  try {
    const client = getTableauClient();
    if (favorite) await client.addFavoriteView(username, viewId, label);
    else await client.removeFavoriteView(username, viewId);
    return { ok: true, favorite };
  } catch (error) {
    const explained = explainTableauError(error);
    // Removing a favorite Tableau no longer has is what the user wanted anyway.
    if (!favorite && explained.code === "tableau_not_found") return { ok: true, favorite: false };
    logEvent("favorites.error", {
      requestId: await currentRequestId(),
      user: user.email,
      code: explained.code,
    });
    return { ok: false, message: `Tableau did not save the favorite: ${explained.message}` };
  }
}
