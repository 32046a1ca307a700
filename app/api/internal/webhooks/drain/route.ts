import { getDb } from '@/db/client';
import { isDrainToken } from '@/lib/webhooks/drain-token';
import { drainPendingDeliveries } from '@/lib/jobs/in-process/drain';
import { errorSummary } from '@/lib/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/internal/webhooks/drain — internal: the edge webhook routes ask this Node process to
// process pending deliveries (in-process mode, no Inngest). Token-protected. Answers when the
// drain is done, so the edge side coalesces the deliveries arriving meanwhile into one more call.
export async function POST(request: Request): Promise<Response> {
  if (!(await isDrainToken(request.headers.get('x-taskbridge-drain')))) return new Response('not found', { status: 404 });
  try {
    const processed = await drainPendingDeliveries(getDb());
    return Response.json({ processed });
  } catch (err) {
    console.error('[webhooks] drain failed:', errorSummary(err));
    return Response.json({ error: 'drain failed; the sweep will retry' }, { status: 503 });
  }
}
