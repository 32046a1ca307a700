import { z } from 'zod';
import { ItemGoneError, PermanentWebhookError, ReconnectNeededError } from '../kit/errors';
import { upsertSyncedComment } from '@/db/queries/comments';
import { parseWebhookPayload } from '../kit/payload';
import type { InboundCapability, InboundContext, StoredDelivery } from '../types';
import { safeExternalUrl } from '@/lib/safe-external-url';
import { adfToMarkdown } from './adf';
import { browseUrl } from './task-sync';
import { fetchJiraIssue } from './write-issue';

/** What a delivery must carry: the event and the issue's id. Bodies are v2-shaped and only a signal. */
const deliverySchema = z.object({
  webhookEvent: z.string(),
  issue: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    key: z.string(),
    self: z.string().nullish(),
    fields: z.object({ project: z.object({ key: z.string() }).nullish() }).partial().nullish(),
  }),
  comment: z
    .object({
      id: z.union([z.string(), z.number()]).transform(String),
      body: z.unknown().optional(),
      created: z.string().nullish(),
      updated: z.string().nullish(),
      author: z.object({ displayName: z.string().nullish(), accountId: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

const ISSUE_EVENTS = new Set(['jira:issue_created', 'jira:issue_updated']);
const COMMENT_EVENTS = new Set(['comment_created', 'comment_updated']);
/** The comment's link in Jira (the issue's browse page, focused on it), from the payload's issue `self`. */
function commentUrl(issue: { key: string; self?: string | null }, commentId: string): string | null {
  const page = browseUrl({ key: issue.key, self: issue.self ?? undefined });
  return page ? safeExternalUrl(`${page}?focusedCommentId=${encodeURIComponent(commentId)}`, 'a Jira comment link') : null;
}
const projectOf = (key: string) => key.slice(0, key.lastIndexOf('-'));
/** Jira writes times as 2026-12-01T10:00:00.000+0000; a missing or unreadable one is "now". */
function jiraTime(value: string | null | undefined): Date {
  const at = new Date((value ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/**
 * Issue created/updated: refetch the issue in v3 and send it down the import's path (the
 * engine's merge, echo check and push). Deleted, or moved out of the project: the task is
 * kept, unlinked and marked. Comments land on the task's timeline once per comment version, and
 * in its conversation as one comment "on Jira".
 * Redeliveries were already dropped by X-Atlassian-Webhook-Identifier at ingest; a replay
 * refetches, so it is harmless.
 */
async function processJiraDelivery(ctx: InboundContext, delivery: StoredDelivery): Promise<Record<string, unknown>> {
  const items = ctx.items;
  if (!items) throw new Error('[jira] processing needs the task-sync engine (inboundContext)');
  const event = delivery.eventType;
  if (!ISSUE_EVENTS.has(event) && event !== 'jira:issue_deleted' && !COMMENT_EVENTS.has(event)) return { skipped: `event ${event}` };
  const p = parseWebhookPayload(deliverySchema, delivery.payload, `[jira] ${event}`);
  const ours = ctx.integration.externalId ?? '';
  const linked = await items.taskOf({ externalId: p.issue.id });
  const payloadProject = p.issue.fields?.project?.key ?? projectOf(p.issue.key);
  if (!linked && payloadProject !== ours) return { skipped: `issue of project ${payloadProject}, not ${ours}` };

  if (event === 'jira:issue_deleted') return items.unlink(p.issue.id, 'deleted in Jira');

  if (COMMENT_EVENTS.has(event)) {
    if (!linked || !p.comment) return { skipped: 'issue not linked' };
    const actor = p.comment.author?.displayName ?? null;
    const body = typeof p.comment.body === 'string' ? p.comment.body : adfToMarkdown(p.comment.body);
    const recorded = await items.record({
      taskId: linked, kind: 'comment', externalActor: actor,
      externalEventId: `jira-comment:${p.comment.id}:${p.comment.updated ?? delivery.deliveryId}`,
      summary: `${actor ?? 'Someone'} ${event === 'comment_created' ? 'commented' : 'edited a comment'} in Jira`,
      details: { body: body.slice(0, 4000), issueKey: p.issue.key },
    });
    await upsertSyncedComment(ctx.db, {
      taskId: linked, sourceIntegrationId: ctx.integration.id, externalId: p.comment.id, externalAuthor: actor,
      externalUrl: commentUrl(p.issue, p.comment.id), body, writtenAt: jiraTime(p.comment.created ?? p.comment.updated),
    });
    return { taskId: linked, comment: event, recorded };
  }

  const connection = await ctx.loadConnection();
  let issue;
  try {
    issue = await fetchJiraIssue(connection, { externalId: p.issue.id });
  } catch (err) {
    if (err instanceof ItemGoneError) return linked ? items.unlink(p.issue.id, 'deleted in Jira') : { skipped: 'issue gone' };
    throw err;
  }
  if (projectOf(issue.key) !== ours) {
    return linked ? items.unlink(p.issue.id, `moved to ${issue.key}`) : { skipped: `issue moved to ${issue.key}` };
  }
  return { event, ...(await items.apply(issue)) };
}

export const jiraInbound: InboundCapability = {
  async process(ctx, delivery) {
    try {
      return await processJiraDelivery(ctx, delivery);
    } catch (err) {
      if (err instanceof ReconnectNeededError) throw new PermanentWebhookError(err.message);
      throw err;
    }
  },
};
