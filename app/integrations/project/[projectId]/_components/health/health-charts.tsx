'use client';

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthCharts as Data } from '@/db/queries/health';

const colors = { received: '#6366f1', processed: '#10b981', failed: '#ef4444', pending: '#f59e0b', runs: '#94a3b8', rate: '#0ea5e9', quota: '#8b5cf6' };

/** Bin labels in the viewer's time zone: hours for a day, dates for longer ranges. */
function tick(range: Data['range']) {
  return (iso: string) => {
    const d = new Date(iso);
    return range === '24h'
      ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', ...(range === '7d' ? { hour: '2-digit' } : {}) });
  };
}

function Figure({ title, summary, testId, empty, children }: { title: string; summary: string; testId: string; empty?: boolean; children: React.ReactNode }) {
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4" data-testid={testId} aria-label={title}>
      <figcaption className="mb-2">
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        <span className="block text-xs text-slate-600" data-testid={`${testId}-summary`}>{summary}</span>
      </figcaption>
      {empty ? (
        <p className="flex h-20 items-center justify-center rounded-lg bg-slate-50 text-xs text-slate-500">Nothing to chart</p>
      ) : (
        <div className="h-44 w-full sm:h-52">{children}</div>
      )}
    </figure>
  );
}

const axis = { fontSize: 11, stroke: '#64748b' };

/**
 * The dashboard's four charts (recharts: SVG, no eval, so it renders under the nonce CSP).
 * Each figure says its totals in words first, so it reads without the chart too.
 */
export function HealthCharts({ data }: { data: Data }) {
  const t = tick(data.range);
  const sum = <K extends string>(rows: Array<Record<K, number | string | null>>, k: K) => rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
  const d = { received: sum(data.deliveries, 'received'), processed: sum(data.deliveries, 'processed'), failed: sum(data.deliveries, 'failed'), pending: sum(data.deliveries, 'pending') };
  const runs = sum(data.runs, 'runs');
  const ok = sum(data.runs, 'succeeded');
  const errors = data.errorsByKind.reduce((n, e) => n + e.count, 0);
  const lastQuota = data.quota.at(-1);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Figure
        title="Webhook deliveries"
        testId="chart-deliveries"
        summary={`${d.received} received · ${d.processed} processed · ${d.failed} failed · ${d.pending} pending${data.recovered ? ` · recovered ${data.recovered} missed` : ''}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.deliveries} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="at" tickFormatter={t} tick={axis} minTickGap={24} />
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip labelFormatter={(v) => t(String(v))} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar dataKey="processed" stackId="d" fill={colors.processed} name="processed" isAnimationActive={false} />
            <Bar dataKey="failed" stackId="d" fill={colors.failed} name="failed" isAnimationActive={false} />
            <Bar dataKey="pending" stackId="d" fill={colors.pending} name="pending" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Figure>
      <Figure
        title="Sync runs"
        testId="chart-runs"
        summary={runs ? `${runs} run${runs === 1 ? '' : 's'} · ${ok} succeeded · ${Math.round((100 * ok) / runs)}% success` : 'No sync runs in this range'}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data.runs} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="at" tickFormatter={t} tick={axis} minTickGap={24} />
            <YAxis yAxisId="n" allowDecimals={false} tick={axis} />
            <YAxis yAxisId="p" orientation="right" domain={[0, 100]} unit="%" tick={axis} width={36} />
            <Tooltip labelFormatter={(v) => t(String(v))} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar yAxisId="n" dataKey="succeeded" stackId="r" fill={colors.processed} name="succeeded" isAnimationActive={false} />
            <Bar yAxisId="n" dataKey="failed" stackId="r" fill={colors.failed} name="failed" isAnimationActive={false} />
            <Line yAxisId="p" dataKey="successRate" stroke={colors.rate} name="success %" dot={false} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </Figure>
      <Figure
        title="Errors by kind"
        testId="chart-errors"
        empty={errors === 0}
        summary={errors ? data.errorsByKind.map((e) => `${e.kind}: ${e.count}`).join(' · ') : 'No errors in this range'}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.errorsByKind} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="kind" tick={axis} width={64} />
            <Tooltip />
            <Bar dataKey="count" fill={colors.failed} name="errors" maxBarSize={28} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Figure>
      <Figure
        title="API quota remaining"
        testId="chart-quota"
        empty={data.quota.length === 0}
        summary={lastQuota ? `${lastQuota.remaining} of ${lastQuota.limit ?? '?'} left at the latest sample` : 'No quota seen in this range'}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data.quota} margin={{ top: 4, right: 4, bottom: 0, left: -4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="at" tickFormatter={t} tick={axis} minTickGap={24} />
            <YAxis tick={axis} domain={[0, 'dataMax']} />
            <Tooltip labelFormatter={(v) => t(String(v))} />
            <Line dataKey="remaining" stroke={colors.quota} name="remaining" dot={data.quota.length < 3} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Figure>
    </div>
  );
}
