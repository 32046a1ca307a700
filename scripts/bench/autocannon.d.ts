// The part of autocannon 8's API the webhook benchmark uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Histogram = { average: number; p50: number; p99: number; max: number };
    type Request = {
      method?: string;
      body?: string;
      headers?: Record<string, string>;
      setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    };
    type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
    type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
