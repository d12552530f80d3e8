/** The app's own shapes for Tableau content, independent of the wire format (see `wire.ts` and `reshape.ts`). */

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  totalAvailable: number;
}

export interface Workbook {
  id: string;
  name: string;
  description: string;
  contentUrl: string;
  webpageUrl?: string;
  projectId: string;
  projectName: string;
  ownerId: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
  /** Size in MB, as Tableau reports it. */
  sizeMb: number;
  defaultViewId?: string;
  tags: string[];
}

export interface View {
  id: string;
  name: string;
  /** `Workbook/sheets/Sheet` */
  contentUrl: string;
  workbookId: string;
  /** The workbook part of `contentUrl`. */
  workbookContentUrl: string;
  /** The sheet part of `contentUrl`: the last path segment of the view's URL. */
  sheetUrl: string;
  sheetType: string;
  projectId: string;
  projectName: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  tags: string[];
}

export interface Project {
  id: string;
  name: string;
  description: string;
  parentProjectId?: string;
}

/** A user of the site, as Get Users on Site lists them. */
export interface SiteUser {
  id: string;
  /** The username a token's `sub` must match (case-sensitive; the e-mail on Tableau Cloud). */
  name: string;
  /** e.g. Explorer, Viewer, Creator, SiteAdministratorCreator, Unlicensed. */
  siteRole: string;
}

/** A PNG (or whatever Tableau sent) with its content type, for proxying thumbnails. */
export interface ImageBytes {
  bytes: Uint8Array;
  contentType: string;
}
