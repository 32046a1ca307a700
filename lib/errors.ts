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
