import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <p className="text-sm font-semibold text-amber-800">403</p>
      <h1 className="mt-1 text-2xl font-semibold">Only the project owner can do this</h1>
      <p className="mt-2 text-slate-600">Ask an owner of this project if you need this changed.</p>
      <Link href="/projects" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:text-indigo-800">
        Back to projects
      </Link>
    </div>
  );
}
