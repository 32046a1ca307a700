/**
 * `chat.postMessage` allows about one message per second per channel. Posts from this
 * process to one channel are spaced by SLACK_POST_INTERVAL_MS (1000 by default); the
 * library's 429 + Retry-After handling covers other processes posting to the same channel.
 */
const nextSlot = new Map<string, number>();

export async function channelPace(channel: string, now: () => number = Date.now): Promise<void> {
  const interval = Number(process.env.SLACK_POST_INTERVAL_MS ?? 1000);
  if (interval <= 0) return;
  const t = now();
  const slot = Math.max(t, nextSlot.get(channel) ?? 0);
  nextSlot.set(channel, slot + interval);
  if (nextSlot.size > 10_000) nextSlot.clear();
  if (slot > t) await new Promise((r) => setTimeout(r, slot - t));
}
