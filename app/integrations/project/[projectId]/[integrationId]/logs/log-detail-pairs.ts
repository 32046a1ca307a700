/**
 * A log entry's details as label/value pairs in plain words (the logs page shows these, and the
 * JSON only behind "Raw details"). Keys that look like secrets are dropped everywhere, in the
 * pairs and in the raw JSON alike, whatever their value.
 */

export type DetailPair = { label: string; value: string };

const SECRET_WORD = /token|secret|signature|authorization|password|cookie/i;
const MAX_PAIRS = 40;
const MAX_VALUE_CHARS = 300;
/** Nested objects are spelled out this deep ("Reasons › bad signature"); deeper ones are summarised. */
const MAX_DEPTH = 2;

/** A field name (no spaces) naming a secret: accessToken, webhook_secret, x-hub-signature-256, Cookie. */
export function isSecretKey(key: string): boolean {
  return !/\s/.test(key) && SECRET_WORD.test(key);
}

const SHOUTED = new Set(['id', 'url', 'ids', 'urls', 'api', 'ts']);

/** deliveryRowId → "Delivery row ID", slack_error → "Slack error"; keys with spaces are already words. */
export function labelInWords(key: string): string {
  if (/\s/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => (SHOUTED.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cut(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function primitiveInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && ISO_TIME.test(value)) return `${value.slice(0, 10)} ${value.slice(11, 19)} UTC`;
  return cut(String(value));
}

/** The details with every secret-like key removed, at any depth (what "Raw details" shows). */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !isSecretKey(k)).map(([k, v]) => [k, withoutSecrets(v)]));
}

/** A nested value in words: a list joined, an object spelled out (or summarised past MAX_DEPTH). */
function pairsOf(label: string, value: unknown, depth: number): DetailPair[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ label, value: 'none' }];
    if (value.some((v) => typeof v === 'object' && v !== null)) return [{ label, value: `${value.length} item${value.length === 1 ? '' : 's'} (see raw details)` }];
    return [{ label, value: cut(value.map(primitiveInWords).join(', ')) }];
  }
  if (!isPlainObject(value)) return [{ label, value: primitiveInWords(value) }];
  const entries = Object.entries(value).filter(([k]) => !isSecretKey(k));
  if (entries.length === 0) return [{ label, value: 'none' }];
  if (depth >= MAX_DEPTH) return [{ label, value: `${entries.length} field${entries.length === 1 ? '' : 's'} (see raw details)` }];
  return entries.flatMap(([k, v]) => pairsOf(`${label} › ${labelInWords(k)}`, v, depth + 1));
}

export function logDetailPairs(details: Record<string, unknown>): DetailPair[] {
  const pairs = Object.entries(details)
    .filter(([k]) => !isSecretKey(k))
    .flatMap(([k, v]) => pairsOf(labelInWords(k), v, 1));
  if (pairs.length <= MAX_PAIRS) return pairs;
  return [...pairs.slice(0, MAX_PAIRS - 1), { label: 'More', value: `${pairs.length - MAX_PAIRS + 1} more in the raw details` }];
}
