import { localDateTime, timeAgo } from '@/lib/tasks/local-dates';

/** A timestamp as "5 minutes ago", with the local date and time on hover and for machines. */
export function When({ at, timeZone }: { at: Date; timeZone: string }) {
  return (
    <time dateTime={at.toISOString()} title={localDateTime(at, timeZone)} className="whitespace-nowrap">
      {timeAgo(at)}
    </time>
  );
}
