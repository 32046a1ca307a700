import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeOAuth, FakeOAuthProvider } from './fake-oauth';

/** A request as the mountable handlers see it: the path below the mount point, the parsed body. */
export type FakeOAuthRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path below where the handler is mounted, e.g. `/login/oauth/access_token`. */
  path: string;
  query: URLSearchParams;
  /** Form or JSON body as parameters. */
  body: URLSearchParams;
  fake: FakeOAuth;
};
/** Returns false when the path is not this provider's (the mounting server goes on). */
export type FakeOAuthHandler = (r: FakeOAuthRequest) => Promise<boolean> | boolean;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Form-encoded or JSON bodies (Atlassian's docs send JSON) as parameters. */
export function parseParams(raw: string, contentType: string | undefined): URLSearchParams {
  if (contentType?.includes('json')) {
    try {
      const data = JSON.parse(raw) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(data).map(([k, v]) => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(raw);
}

/** Client credentials from HTTP Basic (client_secret_basic) or the body (client_secret_post). */
export function clientCredentials(r: FakeOAuthRequest): { clientId: string | null; secret: string | null } {
  const auth = r.req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const [id, ...rest] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    return { clientId: decodeURIComponent(id ?? ''), secret: decodeURIComponent(rest.join(':')) };
  }
  return { clientId: r.body.get('client_id'), secret: r.body.get('client_secret') };
}

export function bearer(r: FakeOAuthRequest): string | null {
  const a = r.req.headers.authorization;
  return a?.startsWith('Bearer ') ? a.slice(7) : r.body.get('token');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function redirect(res: ServerResponse, to: string) {
  res.writeHead(302, { location: to, 'cache-control': 'no-store' });
  res.end();
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The authorize step every fake shares: an HTML page with the scopes as checkboxes and
 * Approve / Deny (the form re-submits to the same URL with `fake_action`), or at once with
 * `?fake_action=approve|deny` or `fake.autoAction`. Approve redirects with a code, Deny with
 * `error=access_denied`, both carrying the state back.
 */
export function authorizeStep(
  r: FakeOAuthRequest,
  provider: FakeOAuthProvider,
  opts: { scopeSeparator: ' ' | ','; title: string },
): true {
  const q = r.query;
  const clientId = q.get('client_id');
  const redirectUri = q.get('redirect_uri');
  if (!r.fake.knownClient(provider, clientId) || !redirectUri) {
    r.res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    r.res.end(`<!doctype html><title>Error</title><p>Unknown client_id or missing redirect_uri.</p>`);
    return true;
  }
  const asked = (q.get('scope') ?? '').split(opts.scopeSeparator === ',' ? /[,\s]+/ : /\s+/).filter(Boolean);
  const action = q.get('fake_action') ?? r.fake.autoAction;
  const back = new URL(redirectUri);
  const state = q.get('state');
  if (action === 'deny') {
    back.searchParams.set('error', 'access_denied');
    if (state) back.searchParams.set('state', state);
    redirect(r.res, back.toString());
    return true;
  }
  if (action === 'approve') {
    const chosen = q.get('fake_scopes_chosen') ? q.getAll('fake_scope') : asked;
    const challenge = q.get('code_challenge');
    if (challenge && q.get('code_challenge_method') !== 'S256') {
      back.searchParams.set('error', 'invalid_request');
    } else {
      back.searchParams.set('code', r.fake.approve(provider, { clientId: clientId!, redirectUri, scopes: chosen, challenge, consent: q.get('prompt') === 'consent' }));
    }
    if (state) back.searchParams.set('state', state);
    redirect(r.res, back.toString());
    return true;
  }
  const hidden = [...q.entries()]
    .filter(([k]) => !k.startsWith('fake_'))
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const boxes = asked
    .map((s) => `<li><label><input type="checkbox" name="fake_scope" value="${esc(s)}" checked> ${esc(s)}</label></li>`)
    .join('');
  r.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  r.res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${esc(opts.title)}: authorize</title></head><body>
<main><h1>${esc(opts.title)}</h1><p>Taskbridge (${esc(clientId!)}) asks for access.</p>
<form method="get">${hidden}<input type="hidden" name="fake_scopes_chosen" value="1"><ul>${boxes}</ul>
<button type="submit" name="fake_action" value="approve">Approve</button>
<button type="submit" name="fake_action" value="deny">Deny</button></form></main></body></html>`);
  return true;
}
