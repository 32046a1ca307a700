import { ZodError } from 'zod';

/**
 * One application error: a code that maps to an HTTP status, a user-safe message, and
 * (optionally) the field that is wrong. Internal details never travel in `message`.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    readonly field?: string,
  ) {
    super(userMessage);
    this.name = 'AppError';
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** An error whose message was written for the people reading the UI and the log. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  }
  return undefined;
}

/**
 * What may be stored and shown for a failure: messages written for users pass through;
 * network failures are named as such; anything else (a database error carries SQL and
 * parameter values) becomes `fallback`, and its details go to the server log only.
 */
export function describeError(err: unknown, fallback: string, logPrefix = '[error]'): string {
  if (err instanceof AppError) return err.userMessage;
  if (err instanceof UserFacingError) return err.message;
  if (err instanceof ZodError) {
    return `Unexpected payload: ${err.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`;
  }
  const code = networkCode(err);
  if (code) return `${fallback}: the service could not be reached (${code}).`;
  console.error(`${logPrefix} ${fallback}:`, errorSummary(err));
  return `${fallback} (unexpected error; details are in the server log).`;
}

/**
 * One short line about an error for the server log: the first line, cut short, since a
 * failed query's message goes on to its SQL parameters (payloads, tokens).
 */
export function errorSummary(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  const head = err.message.startsWith('Failed query:') ? 'Failed query' : err.message.split('\n')[0]!.slice(0, 160);
  return `${err.name}: ${head}${typeof code === 'string' ? ` (${code})` : ''}`;
}
