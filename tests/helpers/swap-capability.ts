import { providerCores } from '@/lib/integrations/registry';
import type { ProviderType } from '@/lib/integrations/provider-types';
import type { Capabilities, Capability } from '@/lib/integrations/types';

/**
 * Puts `value` (or none) in a provider's capability slot — its loader in the registry — and
 * returns the undo. The original loader keeps its loaded module, so restoring costs nothing.
 */
export function swapCapability<C extends Capability>(type: ProviderType, capability: C, value: Capabilities[C] | undefined): () => void {
  const load = providerCores[type].load;
  const previous = load[capability];
  if (value) (load as Record<C, () => Promise<Capabilities[C]>>)[capability] = async () => value;
  else delete load[capability];
  return () => {
    if (previous) load[capability] = previous;
    else delete load[capability];
  };
}
