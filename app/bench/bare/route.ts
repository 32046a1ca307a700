export const runtime = 'edge';
export const dynamic = 'force-dynamic';

// POST /bench/bare — FOR BENCHMARKING ONLY (scripts/bench-webhooks.ts): an edge route that does
// nothing, measured side by side with the webhook route. 404 unless TASKBRIDGE_BENCH=1.
export async function POST(): Promise<Response> {
  if (process.env.TASKBRIDGE_BENCH !== '1') return new Response('not found', { status: 404 });
  return new Response('ok', { status: 200 });
}
