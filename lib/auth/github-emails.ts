import { z } from 'zod';

const githubEmailsSchema = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }).loose());
export type GithubEmail = z.infer<typeof githubEmailsSchema>[number];

/**
 * GitHub's /user profile email is whatever the person chose to show; only /user/emails says
 * whether an address is verified. We trust the primary address, and only when it is verified.
 */
export function verifiedPrimaryEmail(emails: readonly GithubEmail[]): string | null {
  const primary = emails.find((e) => e.primary);
  return primary?.verified === true ? primary.email : null;
}

/** GET /user/emails with the sign-in access token (scope user:email, next-auth's default). Null when it fails. */
export async function fetchGithubEmails(accessToken: string, fetchImpl: typeof fetch = fetch): Promise<GithubEmail[] | null> {
  try {
    const res = await fetchImpl('https://api.github.com/user/emails', {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/vnd.github+json', 'user-agent': 'taskbridge' },
    });
    if (!res.ok) {
      await res.body?.cancel();
      return null;
    }
    const parsed = githubEmailsSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
