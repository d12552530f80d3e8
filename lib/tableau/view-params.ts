/**
 * The URL parts of a view page (`/views/{workbook}/{sheet}`), as Tableau's contentUrl has them: bounded, no
 * slash. Anything else cannot be a view, so the pages answer 404 for it.
 */
import { z } from "zod";

const partSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+$/);

export const viewParamsSchema = z.object({ workbook: partSchema, sheet: partSchema });
