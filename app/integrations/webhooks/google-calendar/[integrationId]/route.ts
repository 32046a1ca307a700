import { receiveWebhookRequest } from '@/lib/webhooks/receive-request';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ integrationId: string }> };

// POST /integrations/webhooks/google-calendar/:integrationId(/) — Google Calendar deliveries (verify → record → enqueue)
export async function POST(request: Request, { params }: Params): Promise<Response> {
  return receiveWebhookRequest('google-calendar', request, (await params).integrationId);
}
