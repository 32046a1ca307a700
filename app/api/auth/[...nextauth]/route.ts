import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// GET|POST /api/auth/* — next-auth sign-in, callback, session and sign-out
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(authOptions())(req, ctx);
export { handler as GET, handler as POST };
