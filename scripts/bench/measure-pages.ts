/** One page the benchmark requests: `expect` must appear in the body (proves it rendered, not a redirect). */
export type PageTarget = { name: string; path: string; expect: string; cookie?: string };
export type PageResult = { name: string; p50: number; p95: number; max: number; bytes: number; error?: undefined } | { name: string; error: string };

/**
 * Sequential GETs of one page, timed to the last byte of the body, after `warmup` untimed
 * ones. A non-200 answer, a body without `expect` or a request over `timeoutMs` ends the
 * page's measurement with an error in its result (a benchmark of an error page would be a lie).
 */
export async function measurePage(base: string, target: PageTarget, requests: number, warmup: number, timeoutMs = 60_000): Promise<PageResult> {
  try {
    return await timePage(base, target, requests, warmup, timeoutMs);
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? `a request took over ${timeoutMs / 1000} s` : err instanceof Error ? err.message : String(err);
    return { name: target.name, error: reason };
  }
}

async function timePage(base: string, target: PageTarget, requests: number, warmup: number, timeoutMs: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmup + requests; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${target.path}`, {
      redirect: 'manual',
      headers: target.cookie ? { cookie: target.cookie } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    const elapsed = performance.now() - started;
    if (res.status !== 200 || !body.includes(target.expect)) {
      throw new Error(`${target.name}: GET ${target.path} answered ${res.status}${res.status === 200 ? ` without "${target.expect}"` : ''}`);
    }
    bytes = body.length;
    if (i >= warmup) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { name: target.name, p50: round(pct(50)), p95: round(pct(95)), max: round(times.at(-1)!), bytes };
}
