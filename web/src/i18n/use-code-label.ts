import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue, type Catalogue } from '../knowledge/catalogue';
import type { Messages } from './en';

export type CodeGroup = keyof Messages['codes'];

/** The knowledge base's own name of a code of a group it names (indications, areas, side effects), in the catalogue's language. */
export function catalogueName(catalogue: Catalogue, group: CodeGroup, code: string): string | undefined {
  const entries: readonly { name: string; id?: string; code?: string }[] =
    group === 'indication'
      ? catalogue.indications
      : group === 'area'
        ? catalogue.areas
        : group === 'sideEffect'
          ? catalogue.sideEffects
          : [];
  return entries.find((entry) => (entry.id ?? entry.code) === code)?.name;
}

/**
 * The label of a server or knowledge-base code (a verdict, reason, area...). Codes the messages do
 * not know yet (the knowledge base may add some) show the server's own text, else the knowledge
 * base's name in the reader's language, or the code itself.
 */
export function useCodeLabel(): (group: CodeGroup, code: string, fallback?: string) => string {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  return useCallback(
    (group, code, fallback) => {
      const labels = t(`codes.${group}`, { returnObjects: true }) as Record<string, string>;
      return labels[code] ?? fallback ?? catalogueName(catalogue, group, code) ?? code.replace(/_/g, ' ');
    },
    [t, catalogue],
  );
}
