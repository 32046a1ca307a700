import type { InngestFunction } from 'inngest';

/** Every Inngest function the app serves (app/api/inngest/route.ts). */
export const functions: InngestFunction.Any[] = [];
