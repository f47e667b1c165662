import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { triageColor, type Triage } from './side-effect-types';

/** The triage level at a glance; reports made before triage existed show none. */
export function TriageBadge({ triage }: { triage: Triage | null }) {
  const { t } = useTranslation();
  if (!triage) return null;
  return (
    // Never squeezed by a long report beside it: "Urgent" must stay readable.
    <Badge
      color={triageColor[triage.level]}
      data-testid="triage-badge"
      data-level={triage.level}
      style={{ flexShrink: 0 }}
    >
      {t(`sideEffects.level.${triage.level}`)}
    </Badge>
  );
}
