import type { InngestFunction } from 'inngest';
import { syncIntegration } from './sync-integration';
import { syncSchedule } from './sync-schedule';
import { webhookProcess } from './webhook-process';
import { webhookSweep } from './webhook-sweep';

/** Every Inngest function the app serves (app/api/inngest/route.ts). */
export const functions: InngestFunction.Any[] = [webhookProcess, webhookSweep, syncIntegration, syncSchedule];
