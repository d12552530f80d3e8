/** The key of a view's settings: its contentUrl `Workbook/sheets/Sheet`, each part as a view page's URL has it. */
import { z } from "zod";

const part = "[^/\\\\]{1,255}";
export const viewContentUrlSchema = z.string().regex(new RegExp(`^${part}/sheets/${part}$`));

export function viewContentUrl(workbook: string, sheet: string): string {
  return `${workbook}/sheets/${sheet}`;
}
