import { z } from 'zod';

export const jsonObjectSchema = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof jsonObjectSchema>;

/** Parses a verified body; null when it is not a JSON object (→ 400 after verification). */
export function parseJsonObject(text: string): JsonObject | null {
  try {
    const parsed = jsonObjectSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A provider's delivery id as we store it: bounded length, printable characters only. */
export const deliveryIdSchema = z.string().trim().min(1).max(255).regex(/^[\x21-\x7e]+$/);

export const malformed = (reason: string) => ({ ok: false as const, status: 400 as const, reason });
export const unauthorized = (reason: string) => ({ ok: false as const, status: 401 as const, reason });
