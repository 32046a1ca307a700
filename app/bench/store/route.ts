import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

// POST /bench/store — FOR BENCHMARKING ONLY (scripts/bench-webhooks.ts): the floor of any route
// that stores a delivery. It reads the body and sends it to Postgres and back in one statement
// through the same driver and pool as the webhook route (no table, no verification, no
// parsing), so the bench can tell the driver's and the round trip's cost from our own.
// 404 unless TASKBRIDGE_BENCH=1.
export async function POST(request: Request): Promise<Response> {
  if (process.env.TASKBRIDGE_BENCH !== '1') return new Response('not found', { status: 404 });
  const body = await request.text();
  const result = await getDb().execute(sql`select octet_length(${body}) as n`);
  return Response.json({ stored: Number((result.rows[0] as { n: number }).n) });
}
