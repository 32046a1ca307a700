import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-1 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is nothing here, or you do not have access to it.</p>
      <Link href="/projects" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:text-indigo-800">
        Go to your projects
      </Link>
    </div>
  );
}
