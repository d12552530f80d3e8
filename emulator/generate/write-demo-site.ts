/** Regenerates `emulator/data/demo-site.json` from `demo-site.ts` (deterministic: same output every run). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { siteDataSchema } from "../core/site";
import { demoSite } from "./demo-site";

const data = siteDataSchema.parse(demoSite());
const target = fileURLToPath(new URL("../data/demo-site.json", import.meta.url));
writeFileSync(target, JSON.stringify(data, null, 2) + "\n");
console.log(`wrote ${data.workbooks.length} workbooks, ${data.orders.length} orders`);
