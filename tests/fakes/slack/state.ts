import type { KnownBlock } from '@slack/types';

export type FakeChannel = { id: string; name: string; is_private: boolean; is_member: boolean; is_archived?: boolean };
export type FakeUser = { id: string; name: string; real_name: string; email?: string; is_bot?: boolean; deleted?: boolean };
export type FakeMessage = {
  channel: string;
  ts: string;
  text: string;
  blocks: KnownBlock[];
  thread_ts?: string;
  updates: number;
  /** Every version, oldest first (chat.update pushes the previous one). */
  history: Array<{ text: string; blocks: KnownBlock[] }>;
};
export type FakeCall = { method: string; args: Record<string, unknown>; status: number; error?: string };
export type FakeFault = { method: string; error?: string; retryAfter?: number; times: number };

/** Everything the fake holds; reset between tests with `reset()`. */
export class SlackState {
  tokens = new Map<string, { team: string; teamId: string; botUserId: string; revoked?: boolean }>();
  channels: FakeChannel[] = [];
  users = new Map<string, FakeUser>();
  messages: FakeMessage[] = [];
  ephemerals: Array<{ channel: string; user: string; text: string }> = [];
  responses: Array<{ id: string; body: Record<string, unknown> }> = [];
  views: Array<{ id: string; trigger_id: string; view: Record<string, unknown>; updates: number }> = [];
  calls: FakeCall[] = [];
  faults: FakeFault[] = [];
  private clock = 1_700_000_000;
  private seq = 0;

  reset(): void {
    this.tokens.clear();
    this.channels = [];
    this.users.clear();
    this.messages = [];
    this.ephemerals = [];
    this.responses = [];
    this.views = [];
    this.calls = [];
    this.faults = [];
  }

  nextTs(): string {
    this.seq += 1;
    return `${this.clock + Math.floor(this.seq / 1000)}.${String(this.seq % 1000).padStart(3, '0')}100`;
  }

  /** Top-level messages of a channel (thread replies are `repliesTo`). */
  channelMessages(channel: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel && !m.thread_ts);
  }
  repliesTo(channel: string, ts: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.thread_ts === ts);
  }

  /** The next `times` calls of `method` fail with `error` (ok:false) or a 429 with Retry-After. */
  fail(method: string, fault: { error?: string; retryAfter?: number; times?: number }): void {
    this.faults.push({ method, error: fault.error, retryAfter: fault.retryAfter, times: fault.times ?? 1 });
  }

  takeFault(method: string): FakeFault | null {
    const fault = this.faults.find((f) => f.method === method && f.times > 0);
    if (!fault) return null;
    fault.times -= 1;
    return fault;
  }

  /** A ready workspace: a bot token, a public channel with the bot, one without it, a private one. */
  seed(token = 'xoxb-fake-bot-token'): void {
    this.tokens.set(token, { team: 'Acme', teamId: 'T0FAKE001', botUserId: 'U0BOT0001' });
    const seeded: FakeChannel[] = [
      { id: 'C0GENERAL1', name: 'general', is_private: false, is_member: true },
      { id: 'C0RANDOM01', name: 'random', is_private: false, is_member: false },
      { id: 'G0SECRET01', name: 'secret-team', is_private: true, is_member: true },
      { id: 'G0HIDDEN01', name: 'hidden', is_private: true, is_member: false },
    ];
    for (const c of seeded) if (!this.channels.some((x) => x.id === c.id)) this.channels.push(c);
  }
}
