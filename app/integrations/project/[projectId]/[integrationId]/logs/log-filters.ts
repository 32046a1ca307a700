import { z } from 'zod';
import { logActionEnum, logStatusEnum, webhookStatusEnum } from '@/db/schema';

/** Query-string filters of the logs page; each is validated on its own so one bad value only drops itself. */
const filterSchemas = {
  logStatus: z.enum(logStatusEnum.enumValues),
  logAction: z.enum(logActionEnum.enumValues),
  deliveryStatus: z.enum(webhookStatusEnum.enumValues),
  event: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
};
export type LogFilters = { [K in keyof typeof filterSchemas]?: z.output<(typeof filterSchemas)[K]> };

// Why: bad filter values are ignored and named back to the user, never a 500.
export function parseLogFilters(searchParams: Record<string, string | string[] | undefined>): { filters: LogFilters; ignored: string[] } {
  const filters: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(filterSchemas)) {
    const raw = searchParams[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
    else ignored.push(key);
  }
  return { filters: filters as LogFilters, ignored };
}

export const filterOptions = {
  logStatus: logStatusEnum.enumValues,
  logAction: logActionEnum.enumValues,
  deliveryStatus: webhookStatusEnum.enumValues,
};
