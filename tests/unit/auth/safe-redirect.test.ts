import { describe, expect, it } from 'vitest';
import { buildAuthOptions } from '@/lib/auth/options';
import { DEFAULT_AFTER_SIGN_IN, returnPathOrDefault, sameOriginPath, signInPathFor } from '@/lib/auth/safe-redirect';

const APP = 'https://tb.example';

describe('sameOriginPath', () => {
  it.each([
    ['/projects', '/projects'],
    ['/projects/abc?tab=tasks#top', '/projects/abc?tab=tasks#top'],
    ['https://tb.example/projects/1', '/projects/1'],
    ['projects', '/projects'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    // Same scheme as the base: the URL parser reads it as a relative path, so it stays here.
    ['https:evil.example', '/evil.example'],
  ])('keeps the same-origin %j as %j', (raw, path) => {
    expect(sameOriginPath(raw, APP)).toBe(path);
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    'https://evil.example/x',
    'http://tb.example/projects', // another origin: the scheme differs
    'https://tb.example.evil.example/',
    'https://tb.example@evil.example/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    '/\r\n/evil.example',
    ' //evil.example',
    'http:evil.example',
    'https://tb.example//evil.example/x',
    '',
    'x'.repeat(3000),
  ])('refuses %j', (raw) => {
    expect(sameOriginPath(raw, APP)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const raw of [undefined, null, 42, ['/projects'], { href: '/projects' }]) expect(sameOriginPath(raw, APP)).toBeNull();
  });

  it('the decoded form of encoded attacks is refused too (searchParams decode before we see them)', () => {
    for (const encoded of ['%2F%2Fevil.example', '%2F%5Cevil.example', '%09%2F%2Fevil.example', 'javascript%3Aalert(1)']) {
      expect(sameOriginPath(decodeURIComponent(encoded), APP)).toBeNull();
    }
  });
});

describe('returnPathOrDefault / signInPathFor', () => {
  it('falls back to /projects', () => {
    expect(returnPathOrDefault('//evil.example', APP)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(returnPathOrDefault('/projects/1', APP)).toBe('/projects/1');
  });

  it('sends a signed-out visitor to /signin with the page to come back to', () => {
    expect(signInPathFor('/projects/abc')).toBe('/signin?callbackUrl=%2Fprojects%2Fabc');
    expect(signInPathFor('//evil.example')).toBe('/signin');
    expect(signInPathFor(undefined)).toBe('/signin');
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = buildAuthOptions({}).callbacks!.redirect!;
  const baseUrl = 'http://127.0.0.1:3210';
  it('keeps same-origin targets and sends everything else home', async () => {
    expect(await redirect({ url: '/projects/1', baseUrl })).toBe(`${baseUrl}/projects/1`);
    expect(await redirect({ url: `${baseUrl}/projects/2`, baseUrl })).toBe(`${baseUrl}/projects/2`);
    for (const url of ['//evil.example/x', '/\\evil.example', 'https://evil.example', `${baseUrl}//evil.example`]) {
      expect(await redirect({ url, baseUrl })).toBe(`${baseUrl}/projects`);
    }
  });
});
