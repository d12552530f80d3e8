/**
 * The `<viz-filter>` children of a `<tableau-viz>`, as markup. The element gets them as inner HTML rather than
 * React children: the Embedding API adds its iframe inside the element, and React, hydrating a server-rendered
 * viz that has already loaded, would take that iframe for a mismatch and render the whole page again. React
 * neither hydrates nor compares what is inside an element given inner HTML.
 */
import type { VizFilters } from "./viz-actions";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function vizFilterMarkup(filters: VizFilters): string {
  return Object.entries(filters)
    .map(
      ([field, values]) =>
        `<viz-filter field="${escapeAttribute(field)}" value="${escapeAttribute(values.join(","))}"></viz-filter>`,
    )
    .join("");
}
