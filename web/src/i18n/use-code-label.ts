import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from './en';

export type CodeGroup = keyof Messages['codes'];

/**
 * The label of a server or knowledge-base code (a verdict, reason, area...). Codes the messages do
 * not know yet (the knowledge base may add some) show the server's own text, or the code itself.
 */
export function useCodeLabel(): (group: CodeGroup, code: string, fallback?: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (group, code, fallback) => {
      const labels = t(`codes.${group}`, { returnObjects: true }) as Record<string, string>;
      return labels[code] ?? fallback ?? code.replace(/_/g, ' ');
    },
    [t],
  );
}
