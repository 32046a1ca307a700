import { getDb } from '@/db/client';
import { getSessionUser } from '@/lib/auth/session';
import { errorSummary } from '@/lib/errors';
import { oauthOutcomeMessage } from '@/lib/integrations/oauth/messages';
import { completeOAuth } from '@/lib/integrations/oauth/flow';
import { providerTypeSchema } from '@/lib/integrations/provider-types';
import { providerWith } from '@/lib/integrations/registry';
import { requestAppUrl } from '@/lib/request-app-url';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** When the state names no integration we can send the owner back to: a plain page with the message. */
function plainPage(status: number, text: string): Response {
  const body = `<!doctype html><meta charset="utf-8"><title>Connect</title><main style="font-family:system-ui;max-width:36rem;margin:4rem auto"><h1>Connect</h1><p role="alert">${escapeHtml(text)}</p><p><a href="/">Back to Taskbridge</a></p></main>`;
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

// GET /integrations/oauth/:provider/callback?code&state — where each provider sends the owner
// back. The outcome goes to the configure page (or the set-up page the connect was started
// from, when it created nothing) as ?oauth=<outcome>[&detail=…]; nothing but a
// complete grant is stored (lib/integrations/oauth/flow.ts).
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const parsed = providerTypeSchema.safeParse((await params).provider);
  if (!parsed.success) return plainPage(404, 'Unknown provider.');
  const provider = await providerWith(parsed.data, 'oauth');
  if (!provider) return plainPage(404, 'This provider has no one-click connect.');
  const url = new URL(request.url);
  const appUrl = (await requestAppUrl()) ?? url.origin;
  try {
    const user = await getSessionUser();
    const result = await completeOAuth(getDb(), { provider, params: url.searchParams, userId: user?.id ?? null, appUrl });
    if (!result.projectId) {
      return plainPage(400, oauthOutcomeMessage(result.outcome, provider.oauth?.label ?? provider.defaults.name).text);
    }
    // A connect from the set-up page that did not succeed created nothing: back to that page.
    const page = result.integrationId ? `${result.integrationId}/configure/` : `create/${provider.id}/`;
    const back = new URL(`/integrations/project/${result.projectId}/${page}`, appUrl);
    back.searchParams.set('oauth', result.outcome);
    if (result.detail) back.searchParams.set('detail', result.detail);
    return new Response(null, { status: 303, headers: { location: back.toString(), 'cache-control': 'no-store' } });
  } catch (err) {
    console.error(`[oauth] ${provider.id} callback failed:`, errorSummary(err));
    return plainPage(500, 'Connecting failed unexpectedly. Nothing was stored; try again.');
  }
}
