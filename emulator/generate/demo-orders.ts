/** The demo site's sample orders: seeded, so every machine gets the same rows. */
import type { Order } from "../core/site";
import { seededRandom } from "./prng";

const REGIONS = ["East", "West", "Central", "South"] as const;
const CATEGORIES = ["Furniture", "Office Supplies", "Technology"] as const;
const MARGIN: Record<(typeof CATEGORIES)[number], number> = {
  Furniture: 0.04,
  "Office Supplies": 0.15,
  Technology: 0.2,
};
const REGION_WEIGHT: Record<(typeof REGIONS)[number], number> = {
  East: 1.2,
  West: 1.35,
  Central: 0.9,
  South: 0.7,
};

/** 24 months (2024-01 to 2025-12) of orders; 1 to 3 per month, region and category. */
export function demoOrders(seed = 20250101): Order[] {
  const rnd = seededRandom(seed);
  const orders: Order[] = [];
  for (let m = 0; m < 24; m++) {
    const month = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    const growth = 1 + m * 0.02;
    for (const region of REGIONS) {
      for (const category of CATEGORIES) {
        const count = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < count; i++) {
          const sales = Math.round(200 + rnd() * 1800 * REGION_WEIGHT[region] * growth);
          const margin = MARGIN[category] + (rnd() - 0.35) * 0.3;
          orders.push({
            id: orders.length + 1,
            region,
            category,
            month,
            sales,
            profit: Math.round(sales * margin * 100) / 100,
          });
        }
      }
    }
  }
  return orders;
}
