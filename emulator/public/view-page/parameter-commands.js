// Parameter commands of the view page: list them, and change one. The server settles the value (clamp to the
// range, snap down to the step, match a list alias) when it redraws, and the page reports what it settled on.
import { emit } from "./messaging.js";
import { pageError, parametersInfo, redraw, state } from "./state.js";

function findParameter(name) {
  const lower = String(name).trim().toLowerCase();
  return (state.parameters || []).find((p) => p.name.toLowerCase() === lower) || null;
}

export async function changeParameter({ name, value }) {
  const param = findParameter(name);
  if (!param) throw pageError("invalid-parameter", `"${name}" is not a parameter of this workbook.`);
  if (param.dataType !== "string" && !Number.isFinite(Number(value))) {
    throw pageError(
      "invalid-parameter",
      `"${value}" is not a number, as the parameter "${param.name}" needs.`,
    );
  }
  if (param.allowable.type === "list") {
    const text = String(value).trim().toLowerCase();
    const known = param.allowable.values.some(
      (v) => (v.alias ?? String(v.value)).toLowerCase() === text || String(v.value).toLowerCase() === text,
    );
    if (!known)
      throw pageError("invalid-parameter", `"${value}" is not one of the values of "${param.name}".`);
  }
  const before = param.value;
  // The raw request goes to the server in the query; its answer header carries the settled value.
  param.value = typeof value === "number" ? value : String(value);
  try {
    await redraw();
  } catch (err) {
    param.value = before;
    throw err;
  }
  const info = parametersInfo().find((p) => p.name === param.name);
  if (param.value !== before)
    emit("parameterchanged", { parameterName: param.name, parameters: parametersInfo() });
  return info;
}

export const parameterCommands = {
  changeParameter,
  getParameters: async () => parametersInfo(),
};
