import { handleWebhookRequest } from '@/lib/webhooks/handle-request';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ integrationId: string }> };

// POST /integrations/webhooks/github/:integrationId(/) — GitHub deliveries (verify → record → enqueue)
export async function POST(request: Request, { params }: Params): Promise<Response> {
  return handleWebhookRequest('github', request, (await params).integrationId);
}
