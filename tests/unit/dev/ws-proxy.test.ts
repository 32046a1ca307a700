import { describe, expect, it } from 'vitest';
import { FrontendMessageTracker, parseProxyAddress } from '@/lib/dev/ws-proxy';

function msg(type: string, body = Buffer.alloc(0)) {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}
function startup() {
  const b = Buffer.alloc(8);
  b.writeInt32BE(8, 0);
  b.writeInt32BE(196608, 4);
  return b;
}

describe('ws-proxy', () => {
  it('accepts loopback targets only', () => {
    expect(parseProxyAddress('127.0.0.1:5432')).toEqual({ host: '127.0.0.1', port: 5432 });
    expect(parseProxyAddress('localhost:1')).toEqual({ host: 'localhost', port: 1 });
    expect(parseProxyAddress('10.0.0.1:5432')).toBeNull();
    expect(parseProxyAddress('example.com:5432')).toBeNull();
    expect(parseProxyAddress('127.0.0.1:99999')).toBeNull();
    expect(parseProxyAddress(null)).toBeNull();
  });

  it('spots Terminate after startup, across chunk boundaries, not inside data', () => {
    const t = new FrontendMessageTracker();
    expect(t.push(startup())).toBe(false);
    // A query whose text contains the Terminate bytes must not end the session.
    expect(t.push(msg('Q', Buffer.from('X\0\0\0\x04\0')))).toBe(false);
    const term = msg('X');
    expect(t.push(term.subarray(0, 2))).toBe(false);
    expect(t.push(term.subarray(2))).toBe(true);
  });
});
