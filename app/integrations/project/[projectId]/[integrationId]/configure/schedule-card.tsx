import { Card, Field, Select } from '@/app/_components/ui';

const PRESETS = [
  { seconds: 300, label: 'Every 5 minutes' },
  { seconds: 900, label: 'Every 15 minutes' },
  { seconds: 3600, label: 'Every hour' },
  { seconds: 86400, label: 'Once a day' },
];

/** The presets, plus the stored value when it is none of them (kept as it is until changed). */
function intervalOptions(current: number) {
  if (PRESETS.some((p) => p.seconds === current)) return PRESETS;
  const label = current % 3600 === 0 ? `Every ${current / 3600} hours` : current % 60 === 0 ? `Every ${current / 60} minutes` : `Every ${current} seconds`;
  return [...PRESETS, { seconds: current, label }].sort((a, b) => a.seconds - b.seconds);
}

/** "Check for changes on a schedule" and how often, as presets. */
export function ScheduleCard(props: {
  syncEnabled: boolean;
  interval: string;
  storedInterval: number;
  error?: string;
  onSyncEnabled: (on: boolean) => void;
  onInterval: (seconds: string) => void;
}) {
  return (
    <Card className="space-y-4">
      <h2 className="font-semibold">Schedule</h2>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input id="syncEnabled" type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={props.syncEnabled} onChange={(e) => props.onSyncEnabled(e.target.checked)} />
        Check for changes on a schedule
      </label>
      <Field label="How often" htmlFor="syncIntervalSeconds" error={props.error} hint="Besides live webhook updates, Taskbridge checks for changes this often.">
        <Select
          id="syncIntervalSeconds"
          className="max-w-56"
          value={props.interval}
          disabled={!props.syncEnabled}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? 'syncIntervalSeconds-error' : undefined}
          onChange={(e) => props.onInterval(e.target.value)}
        >
          {intervalOptions(props.storedInterval).map((o) => (
            <option key={o.seconds} value={String(o.seconds)}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
    </Card>
  );
}
