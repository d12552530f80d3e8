// The Tableau emulator's own Embedding API v3 surface: <tableau-viz>, <viz-filter>, <viz-parameter>.
// Written from Tableau's public Embedding API reference only (attributes, events, methods and enum values as
// documented). It is not Tableau's library: it talks to the emulator's view page with the emulator's own
// message format (see emulator/embed/README.md), and supports the subset of the API the emulator draws.
//
// This entry module re-exports the public names and defines the elements; the parts live in ./embedding/.

export * from "./embedding/enums.js";
export { TableauViz } from "./embedding/viz.js";
import { TableauViz } from "./embedding/viz.js";
import { installExports } from "./embedding/exports.js";
import { Worksheet } from "./embedding/sheets.js";

installExports(TableauViz, Worksheet);

export class VizFilter extends HTMLElement {}
export class VizParameter extends HTMLElement {}

if (!customElements.get("tableau-viz")) customElements.define("tableau-viz", TableauViz);
if (!customElements.get("viz-filter")) customElements.define("viz-filter", VizFilter);
if (!customElements.get("viz-parameter")) customElements.define("viz-parameter", VizParameter);
