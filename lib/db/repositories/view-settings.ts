/**
 * Per-view settings of the portal (which of the viz's controls show), keyed by the view's contentUrl. A save
 * names the version it was made against and is refused as stale when another admin saved in between; each save
 * is audited with its before and after.
 */
import type { Kysely } from "kysely";
import {
  DEFAULT_CONTROL_SETTINGS,
  parseStoredSettings,
  type ControlSettings,
  type StoredControlSettings,
} from "../../view-settings/schema";
import type { Database } from "../schema";
import { writeTransaction } from "../write";
import { recordAudit } from "./audit";

export type ViewSettingsErrorCode = "STALE_EDIT";

export class ViewSettingsError extends Error {
  readonly code: ViewSettingsErrorCode;
  constructor(code: ViewSettingsErrorCode, message: string) {
    super(message);
    this.name = "ViewSettingsError";
    this.code = code;
  }
}

export async function getViewSettings(db: Kysely<Database>, view: string): Promise<StoredControlSettings> {
  const row = await db
    .selectFrom("view_settings")
    .select(["settings", "version"])
    .where("view", "=", view)
    .executeTakeFirst();
  if (!row) return { settings: DEFAULT_CONTROL_SETTINGS, version: 0 };
  return { settings: parseStoredSettings(row.settings), version: Number(row.version) };
}

export async function saveViewSettings(
  db: Kysely<Database>,
  input: { view: string; settings: ControlSettings; expectedVersion: number; actor: string },
): Promise<StoredControlSettings> {
  return writeTransaction(db, async (trx) => {
    const before = await getViewSettings(trx, input.view);
    if (before.version !== input.expectedVersion) {
      throw new ViewSettingsError(
        "STALE_EDIT",
        "Someone else changed this view's controls since you opened it: reload the page and choose again.",
      );
    }
    const version = before.version + 1;
    const values = {
      settings: JSON.stringify(input.settings),
      version,
      updated_at: new Date().toISOString(),
      updated_by: input.actor,
    };
    if (before.version === 0)
      await trx
        .insertInto("view_settings")
        .values({ view: input.view, ...values })
        .execute();
    else await trx.updateTable("view_settings").set(values).where("view", "=", input.view).execute();
    await recordAudit(trx, {
      actor: input.actor,
      action: "view.controls",
      target: input.view,
      changes: { settings: [before.settings, input.settings] },
    });
    return { settings: input.settings, version };
  });
}
