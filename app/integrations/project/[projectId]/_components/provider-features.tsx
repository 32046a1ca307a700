import { Card } from '@/app/_components/ui';

/** "What works today" for a provider, from its definition's `features` (no claims beyond them). */
export function ProviderFeatures({ features, className }: { features: string[]; className?: string }) {
  if (features.length === 0) {
    return (
      <p className={`text-sm text-amber-800 ${className ?? ''}`} data-testid="provider-features">
        Not working yet: you can save its settings, but it does not sync anything today.
      </p>
    );
  }
  return (
    <div className={className} data-testid="provider-features">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">Works today</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
        {features.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </div>
  );
}

/** The configure and set-up pages' card: "What <provider> does today". */
export function ProviderFeaturesCard({ name, features }: { name: string; features: string[] }) {
  return (
    <Card className="space-y-2" aria-labelledby="works-today-heading">
      <h2 id="works-today-heading" className="font-semibold">
        What {name} does today
      </h2>
      <ProviderFeatures features={features} />
    </Card>
  );
}
