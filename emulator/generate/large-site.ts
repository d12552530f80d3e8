/**
 * A large deterministic site for paging tests and benchmarks: the demo site's content plus generated
 * workbooks (spread over many projects and owners) up to `total` workbooks. Same `total`, same site.
 */
import type { Project, SiteData, SiteGroup, SiteRole, SiteUser, SiteView, SiteWorkbook } from "../core/site";
import { seededRandom, stableUuid } from "./prng";

const ADJECTIVES = [
  "Quarterly",
  "Regional",
  "Annual",
  "Weekly",
  "Global",
  "Customer",
  "Product",
  "Field",
  "Retail",
  "Partner",
];
const NOUNS = [
  "Sales",
  "Profit",
  "Forecast",
  "Pipeline",
  "Inventory",
  "Returns",
  "Margins",
  "Targets",
  "Shipping",
  "Growth",
];
const TAGS = ["sales", "finance", "ops", "marketing", "exec", "draft"];
const ROLES: SiteRole[] = [
  "Creator",
  "Explorer",
  "Viewer",
  "ExplorerCanPublish",
  "SiteAdministratorExplorer",
];
const CHARTS: NonNullable<SiteView["chart"]>[] = [
  { type: "bar", dimension: "region", measure: "sales" },
  { type: "bar", dimension: "category", measure: "profit" },
  { type: "line", dimension: "month", measure: "sales" },
  { type: "table", dimension: "region", measure: "profit" },
];
const PROJECTS = 40;
const OWNERS = 60;
const TEAMS = ["Sales", "Finance", "Operations", "Marketing", "Executives", "Analysts"];

export function generateLargeSite(base: SiteData, total: number, seed = 7): SiteData {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const projects: Project[] = Array.from({ length: PROJECTS }, (_, i) => ({
    id: stableUuid(`gen-project:${i}`),
    name: `Project ${String(i + 1).padStart(2, "0")}`,
    description: "Generated project",
    // Every tenth generated project is admin-only, like Finance.
    visibleTo: i % 10 === 9 ? "admins" : "all",
  }));
  const users: SiteUser[] = Array.from({ length: OWNERS }, (_, i) => ({
    id: stableUuid(`gen-user:${i}`),
    name: `user${String(i + 1).padStart(3, "0")}@example.com`,
    fullName: `User ${i + 1}`,
    email: `user${String(i + 1).padStart(3, "0")}@example.com`,
    siteRole: ROLES[i % ROLES.length]!,
  }));
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const workbooks: SiteWorkbook[] = [];
  for (let i = base.workbooks.length; i < total; i++) {
    const n = String(i + 1).padStart(5, "0");
    const created = start + Math.floor(rnd() * span);
    const updated = created + Math.floor(rnd() * (start + span - created));
    const contentUrl = `Generated${n}`;
    const viewCount = 1 + Math.floor(rnd() * 3);
    workbooks.push({
      id: stableUuid(`gen-workbook:${i}`),
      name: `${pick(ADJECTIVES)} ${pick(NOUNS)} ${n}`,
      description: "Generated workbook",
      contentUrl,
      projectId: pick(projects).id,
      ownerId: pick(users).id,
      showTabs: rnd() < 0.7,
      size: 1 + Math.floor(rnd() * 50),
      createdAt: iso(created),
      updatedAt: iso(updated),
      tags: rnd() < 0.5 ? [pick(TAGS)] : [],
      views: Array.from({ length: viewCount }, (_, v) => ({
        id: stableUuid(`gen-view:${i}:${v}`),
        name: `Sheet ${v + 1}`,
        sheetUrl: `Sheet${v + 1}`,
        sheetType: "worksheet" as const,
        chart: CHARTS[(i + v) % CHARTS.length]!,
        worksheets: [],
        filters: [],
        createdAt: iso(created),
        updatedAt: iso(updated),
        tags: [],
      })),
      connections: [],
      parameters: [],
    });
  }
  return {
    ...base,
    projects: [...base.projects, ...projects],
    users: [...base.users, ...users],
    groups: [...base.groups, ...teamGroups(users, seed)],
    workbooks: [...base.workbooks, ...workbooks],
  };
}

/**
 * A group per team, each generated user in one or two of them. Its own random stream, so adding groups left the
 * generated workbooks exactly as they were.
 */
function teamGroups(users: readonly SiteUser[], seed: number): SiteGroup[] {
  const rnd = seededRandom(seed + 0x9e3779b9);
  const members: string[][] = TEAMS.map(() => []);
  for (const user of users) {
    const first = Math.floor(rnd() * TEAMS.length);
    members[first]!.push(user.id);
    const second = Math.floor(rnd() * TEAMS.length);
    if (rnd() < 0.3 && second !== first) members[second]!.push(user.id);
  }
  return TEAMS.map((team, i) => ({
    id: stableUuid(`gen-group:${team}`),
    name: `${team} Team`,
    allUsers: false,
    memberIds: members[i]!,
  }));
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
