const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** RFC 4648 base32hex, lower case, no padding: the alphabet Google allows in event ids ([a-v0-9]). */
export function base32hex(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
}

export type ItemRef = { kind: 'task' | 'milestone'; id: string };

export function itemKey(ref: ItemRef): string {
  return `${ref.kind}:${ref.id}`;
}

export function parseItemKey(key: string): ItemRef | null {
  const m = /^(task|milestone):([0-9a-f-]{36})$/i.exec(key);
  return m ? { kind: m[1] as ItemRef['kind'], id: m[2]!.toLowerCase() } : null;
}

/**
 * Our Google event id for an item: "tb" + base32hex of "<kind>:<uuid>". The same item always
 * gets the same id, so a retried insert (or one after a reconnect) answers 409 instead of
 * creating a second event.
 */
export function googleEventId(key: string): string {
  return `tb${base32hex(new TextEncoder().encode(key))}`;
}

/** Our ids in the event (Google extendedProperties.private, Graph singleValueExtendedProperty). */
export const EVENT_KEY_PROPERTY = 'taskbridgeKey';
