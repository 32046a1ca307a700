import { calendarTarget } from './calendar';
import { notifyTarget } from './notify';
import { taskSyncTarget } from './task-sync';
import type { ChangeTarget } from './types';

export type { ChangeTarget } from './types';

/**
 * Where every local change goes, in order. A target gets each change until it succeeds once
 * (the fan-out records which targets finished; one that throws is retried later with
 * backoff, alone); it decides itself whether the change concerns it, reaches providers
 * through `providersWith(<capability>)`. Sync targets skip `change.originIntegrationId` (no
 * echo); notifications do not (a task made with Slack's /task is still posted in its channel).
 * Add a target here.
 */
export const changeTargets: ChangeTarget[] = [taskSyncTarget, notifyTarget, calendarTarget];
