import { err, ISSUE_TYPES } from './fake-state';
import type { FakeJira, Send } from './server';

export type FakeWebhook = { id: number; url: string; events: string[]; jqlFilter: string; expirationDate: number };

/** GET /rest/api/3/issue/createmeta/{project}/issuetypes[/{id}]: the types, and a type's create-screen fields. */
export function createMeta(fake: FakeJira, key: string, typeId: string | undefined, send: Send) {
  if (![...fake.projects.values()].some((p) => p.key === key || p.id === key)) return send(404, err(`No project could be found with key '${key}'.`));
  if (!typeId) return send(200, { maxResults: 50, startAt: 0, total: ISSUE_TYPES.length, issueTypes: ISSUE_TYPES.map(({ requiredFields: _r, ...t }) => t) });
  const type = ISSUE_TYPES.find((t) => t.id === typeId);
  if (!type) return send(404, err('Issue type not found'));
  const f = (fieldId: string, name: string, required: boolean, hasDefaultValue = false) => ({ fieldId, key: fieldId, name, required, hasDefaultValue, operations: ['set'] });
  const fields = [
    f('summary', 'Summary', true), f('issuetype', 'Issue Type', true), f('project', 'Project', true), f('reporter', 'Reporter', true, true),
    f('description', 'Description', false), f('priority', 'Priority', false, true), f('labels', 'Labels', false),
    f('assignee', 'Assignee', false), f('duedate', 'Due date', false), f('fixVersions', 'Fix versions', false),
    ...type.requiredFields.map((r) => f(r.fieldId, r.name, true)),
  ];
  return send(200, { maxResults: 50, startAt: 0, total: fields.length, fields });
}

/** Dynamic webhooks (OAuth apps only): register, list, delete, refresh (30-day expiry). */
export function dynamicWebhooks(fake: FakeJira, method: string, path: string, body: Record<string, unknown>, oauth: boolean, send: Send) {
  if (!oauth) return send(403, err('Only Connect and OAuth 2.0 apps can use this operation.'));
  const expires = () => Date.now() + 30 * 86_400_000;
  if (path === '/rest/api/3/webhook' && method === 'POST') {
    const specs = (body.webhooks ?? []) as Array<{ events: string[]; jqlFilter: string }>;
    const result = specs.map((s) => {
      const hook = { id: fake.hookId++, url: String(body.url), events: s.events, jqlFilter: s.jqlFilter, expirationDate: expires() };
      fake.webhooks.push(hook);
      return { createdWebhookId: hook.id };
    });
    return send(200, { webhookRegistrationResult: result });
  }
  if (path === '/rest/api/3/webhook' && method === 'GET') {
    return send(200, { maxResults: 100, startAt: 0, total: fake.webhooks.length, isLast: true, values: fake.webhooks.map((h) => ({ id: h.id, jqlFilter: h.jqlFilter, events: h.events, expirationDate: h.expirationDate })) });
  }
  if (path === '/rest/api/3/webhook' && method === 'DELETE') {
    const ids = (body.webhookIds ?? []) as number[];
    for (const id of ids) fake.webhooks.splice(fake.webhooks.findIndex((h) => h.id === id) >>> 0, 1);
    return send(202);
  }
  if (path === '/rest/api/3/webhook/refresh' && method === 'PUT') {
    const when = expires();
    for (const h of fake.webhooks) if (((body.webhookIds ?? []) as number[]).includes(h.id)) h.expirationDate = when;
    return send(200, { expirationDate: when });
  }
  return send(404, err('Not found'));
}
