/** `GET /api/{v}/serverinfo`: no sign-in needed; tells clients the newest REST API version. */
import type { Handler } from "../core/http";
import { respond } from "./format";

export const serverInfo: Handler = (req, ctx) => {
  const info = ctx.site.serverInfo;
  return respond(req, 200, {
    serverInfo: {
      productVersion: { value: info.productVersion, build: info.build },
      restApiVersion: info.restApiVersion,
    },
  });
};
