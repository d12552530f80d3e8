/**
 * The baseline of the view-page benchmark: a plain HTML page that embeds the same view with the Tableau
 * server's Embedding API script and a token minted in advance (one per load: a token is spent at sign-in).
 */
import { createServer, type Server } from "node:http";

export interface PlainPage {
  url: string;
  close: () => Promise<void>;
}

export async function startPlainEmbedPage(opts: {
  port: number;
  server: string;
  src: string;
  tokens: string[];
}): Promise<PlainPage> {
  const tokens = [...opts.tokens];
  const http: Server = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(404).end();
      return;
    }
    const token = tokens.shift();
    if (!token) {
      res.writeHead(503, { "content-type": "text/plain" }).end("out of pre-minted tokens");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plain embed</title>
<script type="module" src="${opts.server}/javascripts/api/tableau.embedding.3.latest.min.js"></script>
<style>body{margin:0;font-family:sans-serif}tableau-viz{display:block}</style></head>
<body><h1>Sales by Region</h1>
<tableau-viz src="${opts.src}" token="${token}" toolbar="bottom" width="100%" height="700"></tableau-viz>
</body></html>`);
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, "localhost", () => resolve());
  });
  return {
    url: `http://localhost:${opts.port}/`,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
