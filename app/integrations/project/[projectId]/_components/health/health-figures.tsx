import Link from 'next/link';
import { Badge, type BadgeTone, formatDateTime } from '@/app/_components/ui';
import type { HealthFigures } from '@/db/queries/health-figures';
import { type AlertCause, causeText } from '@/lib/alerts/causes';

/** "3 h ago" / "in 2 d": the figure a person reads first; the exact time is in the title. */
export function relative(d: Date | null, now = Date.now()): string {
  if (!d) return 'never';
  const s = Math.round((d.getTime() - now) / 1000);
  const a = Math.abs(s);
  const text = a < 90 ? `${a} s` : a < 5400 ? `${Math.round(a / 60)} min` : a < 129_600 ? `${Math.round(a / 3600)} h` : `${Math.round(a / 86_400)} d`;
  return s < 0 ? `${text} ago` : `in ${text}`;
}

function Figure({ label, tone, value, detail, testId, href }: { label: string; tone: BadgeTone; value: string; detail?: string; testId: string; href?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white px-3 py-2" data-testid={testId}>
      <dt className="text-xs text-slate-500">{href ? <Link href={href} className="text-indigo-700 hover:underline">{label} →</Link> : label}</dt>
      <dd className="mt-1">
        <Badge tone={tone}>{value}</Badge>
        {detail && <span className="mt-1 block truncate text-xs text-slate-600" title={detail}>{detail}</span>}
      </dd>
    </div>
  );
}

function webhook(f: HealthFigures, open: Set<string>): { tone: BadgeTone; value: string; detail: string } {
  const last = f.lastDeliveryAt ? `last delivery ${relative(f.lastDeliveryAt)}` : 'no delivery yet';
  if (open.has('webhook_silent')) return { tone: 'amber', value: 'silent', detail: `${last}, while syncs find changes` };
  if (f.webhookConfirmedAt || f.lastDeliveryAt) return { tone: 'green', value: 'confirmed', detail: last };
  return { tone: 'gray', value: 'not confirmed', detail: 'no delivery has arrived yet' };
}

function token(f: HealthFigures): { tone: BadgeTone; value: string; detail: string } {
  const refreshed = f.tokenRefreshedAt ? `refreshed ${relative(f.tokenRefreshedAt)}` : f.authMethod === 'oauth' ? 'never refreshed' : 'pasted token';
  if (f.connectionStatus === 'reconnect_needed') return { tone: 'red', value: 'reconnect needed', detail: f.connectionError ?? refreshed };
  if (f.connectionStatus === 'not_configured') return { tone: 'gray', value: 'not connected', detail: refreshed };
  if (!f.tokenExpiresAt) return { tone: 'green', value: 'valid', detail: `${refreshed} · does not expire` };
  const left = f.tokenExpiresAt.getTime() - Date.now();
  const tone: BadgeTone = left < 0 ? (f.authMethod === 'oauth' ? 'amber' : 'red') : left < 86_400_000 ? 'amber' : 'green';
  return { tone, value: left < 0 ? 'expired' : `expires ${relative(f.tokenExpiresAt)}`, detail: `${f.authMethod === 'oauth' ? 'refreshes itself' : 'must be replaced'} · ${refreshed}` };
}

/** The four figures for one integration, then its open alerts. */
/** `conflictsHref`: the project's conflict inbox, linked from the open-conflicts figure. */
export function HealthFigureList({ figures, conflictsHref }: { figures: HealthFigures; conflictsHref?: string }) {
  const open = new Set(figures.openAlerts);
  const hook = webhook(figures, open);
  const tok = token(figures);
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        <Figure
          testId="figure-last-sync"
          label="Last successful sync"
          tone={open.has('sync_failed_twice') ? 'red' : figures.lastSuccessAt ? 'green' : 'gray'}
          value={relative(figures.lastSuccessAt)}
          detail={open.has('sync_failed_twice') ? 'the last two syncs failed' : formatDateTime(figures.lastSuccessAt)}
        />
        <Figure testId="figure-webhook" label="Webhook" {...hook} />
        <Figure testId="figure-token" label={`Token (${figures.authMethod === 'oauth' ? 'OAuth' : 'pasted'})`} {...tok} />
        <Figure
          testId="figure-conflicts"
          href={conflictsHref}
          label="Open conflicts"
          tone={figures.openConflicts ? 'amber' : 'green'}
          value={String(figures.openConflicts)}
          detail={figures.openConflicts ? 'waiting for a choice' : 'nothing held'}
        />
      </dl>
      {figures.openAlerts.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Open alerts" data-testid="open-alerts">
          {figures.openAlerts.map((c) => (
            <li key={c}>
              <Badge tone="red">{causeText[c as AlertCause]?.label ?? c}</Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
