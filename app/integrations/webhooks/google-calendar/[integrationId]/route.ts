import { handleWebhookRequest } from '@/lib/webhooks/handle-request';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ integrationId: string }> };

// POST /integrations/webhooks/google-calendar/:integrationId(/) — Google Calendar deliveries (verify → record → enqueue)
export async function POST(request: Request, { params }: Params): Promise<Response> {
  return handleWebhookRequest('google-calendar', request, (await params).integrationId);
}
