/**
 * `GET /api/{v}/serverinfo`: no sign-in needed; tells clients the newest REST API version. Clients ask at an
 * old version (Tableau's Python client asks at 2.4, as `serverInfo`) and then switch to the version it names.
 */
import type { Handler } from "../core/http";
import { respond, wantedFormat } from "./format";
import type { RestRoute } from "./route";
import { escapeXml, toTsResponseXml } from "./xml";

export const serverInfo: Handler = (req, ctx) => {
  const info = ctx.site.serverInfo;
  if (wantedFormat(req) === "xml") {
    // In XML the product version is element text with a build attribute, which the generic writer can't express.
    const inner =
      `<serverInfo><productVersion build="${escapeXml(info.build)}">${escapeXml(info.productVersion)}</productVersion>` +
      `<restApiVersion>${escapeXml(info.restApiVersion)}</restApiVersion></serverInfo>`;
    return {
      status: 200,
      headers: { "content-type": "application/xml; charset=utf-8" },
      body: toTsResponseXml({}).replace("</tsResponse>", `${inner}</tsResponse>`),
    };
  }
  return respond(req, 200, {
    serverInfo: {
      productVersion: { value: info.productVersion, build: info.build },
      restApiVersion: info.restApiVersion,
    },
  });
};

export const serverInfoRoutes: RestRoute[] = [
  { method: "GET", path: "serverinfo", since: "2.4", name: "Server Info", auth: "none", handler: serverInfo },
];
