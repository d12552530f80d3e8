/** What the `listWorkbooks` action returns: plain data the client components can receive as props. */
import type { ExplainedError } from "@/lib/tableau/rest/explain";
import type { WorkbookQuery } from "./query";

export interface WorkbookRow {
  id: string;
  name: string;
  projectName: string;
  ownerName: string;
  updatedAt: string;
  sizeMb: number;
  /** The portal page of the workbook's default view, when Tableau told us which view that is. */
  viewPath?: string;
}

export type ListErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "unmapped"
  | "invalid_input"
  // Every way talking to Tableau can fail, as explainTableauError names it.
  | ExplainedError["code"];

export type ListWorkbooksResult =
  | {
      ok: true;
      workbooks: WorkbookRow[];
      total: number;
      page: number;
      pageSize: number;
      pageCount: number;
      /** Project names for the filter, sorted. */
      projects: string[];
      query: WorkbookQuery;
      /** ISO time the list was read from Tableau. */
      fetchedAt: string;
    }
  | { ok: false; error: { code: ListErrorCode; message: string } };
