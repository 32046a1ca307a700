import type { InngestFunction } from 'inngest';
import { localChangeFanOut } from './local-change-fan-out';
import { localChangeSweep } from './local-change-sweep';
import { milestoneDeadlines } from './milestone-deadlines';
import { oauthTokenRefresh, oauthTokenRefreshSchedule } from './oauth-token-refresh';
import { calendarReconcile, renewSubscriptions } from './calendar-hourly';
import { alertsEvaluate, webhookRecovery } from './ops-crons';
import { syncIntegration } from './sync-integration';
import { syncSchedule } from './sync-schedule';
import { webhookProcess } from './webhook-process';
import { webhookSweep } from './webhook-sweep';

/** Every Inngest function the app serves (app/api/inngest/route.ts). */
export const functions: InngestFunction.Any[] = [
  webhookProcess, webhookSweep, syncIntegration, syncSchedule, localChangeFanOut, localChangeSweep,
  oauthTokenRefreshSchedule, oauthTokenRefresh, renewSubscriptions, calendarReconcile, alertsEvaluate, webhookRecovery,
  milestoneDeadlines,
];
