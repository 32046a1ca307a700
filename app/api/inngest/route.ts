import type { NextRequest } from 'next/server';
import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { jobMode } from '@/lib/jobs/mode';
import { functions } from '@/inngest/functions';

const handlers = serve({ client: inngest, functions });

/** Without an Inngest server (in-process mode) there is nothing to register: say so, not 500. */
function guarded(handler: (req: NextRequest, ctx: unknown) => Promise<Response>) {
  return (req: NextRequest, ctx: unknown) =>
    jobMode() === 'inngest'
      ? handler(req, ctx)
      : Response.json(
          { error: 'Inngest is not configured: jobs run in-process (set INNGEST_DEV=1 or INNGEST_EVENT_KEY).' },
          { status: 404 },
        );
}

// GET|POST|PUT /api/inngest — Inngest registers and invokes functions here
export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
export const PUT = guarded(handlers.PUT);
