/**
 * The view-page benchmark's peer (scripts/bench/viz-page.ts): the same view, for the same signed-in user, built
 * the way other Next.js Tableau portals build a view page. Off (404, like any unknown path) unless
 * VIZPORT_BENCH_PEER_PAGE=1, which only the benchmark sets: it is a yardstick, not a feature.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PeerViz } from "@/components/bench/peer-viz";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { embeddingApiScriptUrl, viewEmbedUrl } from "@/lib/tableau/embed";
import { viewParamsSchema } from "@/lib/tableau/view-params";

type Params = Promise<{ workbook: string; sheet: string }>;

export const metadata: Metadata = { title: "Benchmark peer", robots: { index: false } };

export default async function PeerViewPage({ params }: { params: Params }) {
  const env = getEnv();
  if (!env.benchPeerPage) notFound();
  await requireUser();
  const parsed = viewParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { workbook, sheet } = parsed.data;
  const { server, site } = env.tableau;
  return (
    <div className="stack">
      <h1>{sheet}</h1>
      <PeerViz
        src={viewEmbedUrl(server, site, `${workbook}/sheets/${sheet}`)}
        scriptUrl={embeddingApiScriptUrl(server)}
      />
    </div>
  );
}
