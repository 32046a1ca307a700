import { Badge, type BadgeTone } from '@/app/_components/ui';
import type { ProjectIntegration } from '@/db/schema';

const connection: Record<ProjectIntegration['connectionStatus'], { tone: BadgeTone; label: string }> = {
  not_configured: { tone: 'gray', label: 'not configured' },
  connected: { tone: 'green', label: 'connected' },
  error: { tone: 'red', label: 'error' },
  reconnect_needed: { tone: 'amber', label: 'Reconnect needed' },
};
const sync: Record<ProjectIntegration['syncStatus'], BadgeTone> = {
  idle: 'gray',
  queued: 'blue',
  syncing: 'indigo',
  success: 'green',
  error: 'red',
};

export function ConnectionBadge({ status }: { status: ProjectIntegration['connectionStatus'] }) {
  const c = connection[status];
  return <Badge tone={c.tone}>{c.label}</Badge>;
}

export function SyncBadge({ status }: { status: ProjectIntegration['syncStatus'] }) {
  return <Badge tone={sync[status]}>{status}</Badge>;
}

/** "every 5 min" / "off" for the sync schedule. */
export function formatSchedule(i: Pick<ProjectIntegration, 'syncEnabled' | 'syncIntervalSeconds'>): string {
  if (!i.syncEnabled) return 'off';
  const s = i.syncIntervalSeconds;
  if (s % 3600 === 0) return `every ${s / 3600} h`;
  if (s % 60 === 0) return `every ${s / 60} min`;
  return `every ${s} s`;
}
