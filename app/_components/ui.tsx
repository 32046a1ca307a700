import Link from 'next/link';
import { cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from 'react';

/** Small shared UI kit: plain Tailwind, no client JS. */
const cx = (...c: Array<string | false | null | undefined>) => c.filter(Boolean).join(' ');

const buttonStyles = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-600/90 disabled:bg-indigo-300',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-red-600 text-white hover:bg-red-600/90 disabled:bg-red-300',
  ghost: 'text-slate-700 hover:bg-slate-100',
};
type Variant = keyof typeof buttonStyles;
const buttonBase = 'inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500';

export function Button({ variant = 'primary', className, ...props }: ComponentProps<'button'> & { variant?: Variant }) {
  return <button type="button" {...props} className={cx(buttonBase, buttonStyles[variant], className)} />;
}

export function ButtonLink({ variant = 'secondary', className, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link {...props} className={cx(buttonBase, buttonStyles[variant], className)} />;
}

export function Card({ className, children, ...props }: ComponentProps<'section'>) {
  return (
    <section {...props} className={cx('rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5', className)}>
      {children}
    </section>
  );
}

export function PageHeader({ title, subtitle, actions, back }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; back?: { href: string; label: string } }) {
  return (
    <div className="mb-6">
      {back && (
        <Link href={back.href} className="text-sm text-slate-500 hover:text-slate-800">
          ← {back.label}
        </Link>
      )}
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}

const badgeTones = {
  gray: 'bg-slate-100 text-slate-700',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  red: 'bg-red-50 text-red-700 ring-red-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  blue: 'bg-sky-50 text-sky-700 ring-sky-200',
  indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
};
export type BadgeTone = keyof typeof badgeTones;
export function Badge({ tone = 'gray', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={cx('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ring-slate-200', badgeTones[tone])}>{children}</span>;
}

/**
 * A labelled control with its message: on error, the sentence under it, and the control itself
 * (the child whose id is `htmlFor`) marked aria-invalid (a red border) and described by it.
 */
export function Field({ label, htmlFor, error, hint, children }: { label: string; htmlFor: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  const control = error && isValidElement<{ id?: string }>(children) && children.props.id === htmlFor
    ? cloneElement(children as ReactElement<Record<string, unknown>>, { 'aria-invalid': true, 'aria-describedby': `${htmlFor}-error` })
    : children;
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control}
      {hint && !error && <p className="text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${htmlFor}-error`} className="text-xs text-red-700" role="alert" data-field-error={htmlFor}>
          {asSentence(error)}
        </p>
      )}
    </div>
  );
}

/** A field message as a sentence: "must be a number" → "Must be a number." (one style on every form). */
export function asSentence(message: string): string {
  const t = message.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/**
 * The one summary line of a form whose fields carry their own messages; it sits with the
 * submit button (as `FormSummary`), so "above" is where the marked fields are.
 */
export function fieldErrorSummary(fieldErrors: Record<string, string>): string {
  const n = Object.keys(fieldErrors).length;
  return n === 1 ? 'Not saved: 1 field needs a fix (marked above).' : `Not saved: ${n} fields need a fix (marked above).`;
}

/** Next to a form's submit button: what went wrong with the last submit, in one line. */
export function FormSummary({ error }: { error?: { message: string; fieldErrors?: Record<string, string> } }) {
  if (!error) return null;
  const fields = error.fieldErrors ?? {};
  return <Alert>{Object.keys(fields).length > 0 ? fieldErrorSummary(fields) : error.message}</Alert>;
}

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-red-600 disabled:bg-slate-100 disabled:text-slate-500';

export function Input(props: ComponentProps<'input'>) {
  return <input {...props} className={cx(inputClass, props.className)} />;
}
export function Select(props: ComponentProps<'select'>) {
  return <select {...props} className={cx(inputClass, props.className)} />;
}
export function Textarea(props: ComponentProps<'textarea'>) {
  return <textarea {...props} className={cx(inputClass, props.className)} />;
}

export function Alert({ tone = 'red', children }: { tone?: 'red' | 'green' | 'amber' | 'blue'; children: ReactNode }) {
  const tones = { red: 'bg-red-50 text-red-800', green: 'bg-emerald-50 text-emerald-800', amber: 'bg-amber-50 text-amber-900', blue: 'bg-sky-50 text-sky-900' };
  return (
    <div role={tone === 'red' ? 'alert' : 'status'} className={cx('rounded-md px-3 py-2 text-sm', tones[tone])}>
      {children}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{children}</p>;
}

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return '—';
  const date = typeof d === 'string' ? new Date(d) : d;
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
