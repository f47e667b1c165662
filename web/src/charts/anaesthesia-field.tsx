import { Alert, Checkbox, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Precaution } from '../api/assessment-types';
import { SourceRefs } from '../assessment/source-refs';
import { useCodeLabel } from '../i18n/use-code-label';
import { readableError } from './readable-error';
import type { AnaesthesiaAgent } from './treatment-check';

/** The "another cream" choice: the practitioner types its name (the server still checks it against the allergies). */
export const otherAgent = '__other__';

export interface AnaesthesiaChoice {
  used: boolean;
  /** An allowed agent's name, or `otherAgent`. */
  agent: string;
  otherName: string;
}

/** The cream charted: the chosen agent's name, the typed one for "another cream", or none. */
export function chartedAgent(choice: AnaesthesiaChoice): string | null {
  if (!choice.used) return null;
  return (choice.agent === otherAgent ? choice.otherName : choice.agent).trim() || null;
}

export function initialAnaesthesia(agents: readonly AnaesthesiaAgent[]): AnaesthesiaChoice {
  return { used: false, agent: agents.find((a) => a.allowed)?.name ?? otherAgent, otherName: '' };
}

interface Props {
  value: AnaesthesiaChoice;
  onChange: (patch: Partial<AnaesthesiaChoice>) => void;
  agents: AnaesthesiaAgent[];
  /** The plan's word on numbing cream for this patient. */
  creamOffered: boolean;
  /** Precautions about the cream (NO_ANAESTHETIC_CREAM), shown beside the field with their sources. */
  precautions: Precaution[];
  error?: string;
}

/**
 * Numbing cream: offers only the agents the patient is not allergic to (an allergen is never an
 * option), says which were left out and why, or another cream by name, or none (unticked).
 */
export function AnaesthesiaField({ value, onChange, agents, creamOffered, precautions, error }: Props) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const allowed = agents.filter((a) => a.allowed);
  const refused = agents.filter((a) => !a.allowed);
  return (
    <Stack gap="xs" data-testid="anaesthesia">
      {(!creamOffered || precautions.length > 0) && (
        <Alert
          color="yellow"
          variant="light"
          title={t('chart.anaesthesia.limitedTitle')}
          data-testid="anaesthesia-precaution"
        >
          <Stack gap={4}>
            {precautions.map((p) => {
              const title = label('precaution', p.code, p.message);
              return (
                <Group key={p.code} gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                  <Text size="sm">
                    <strong>{title}</strong>: {p.message}
                  </Text>
                  <SourceRefs sourced={p} what={title} />
                </Group>
              );
            })}
            {precautions.length === 0 && <Text size="sm">{t('chart.anaesthesia.notOfferedByPlan')}</Text>}
          </Stack>
        </Alert>
      )}
      <Checkbox
        label={t('chart.anaesthesiaUsed')}
        checked={value.used}
        onChange={(e) => onChange({ used: e.currentTarget.checked })}
      />
      {value.used && (
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t('chart.anaesthesiaAgent')}
            data={[
              ...allowed.map((a) => ({ value: a.name, label: a.name })),
              { value: otherAgent, label: t('chart.anaesthesia.other') },
            ]}
            value={value.agent}
            onChange={(agent) => agent && onChange({ agent })}
            allowDeselect={false}
            required
            miw={320}
          />
          {value.agent === otherAgent && (
            <TextInput
              label={t('chart.anaesthesia.otherName')}
              value={value.otherName}
              onChange={(e) => onChange({ otherName: e.currentTarget.value })}
              withAsterisk
              aria-required
              error={error}
              styles={readableError}
              miw={240}
            />
          )}
        </Group>
      )}
      {refused.length > 0 && (
        <div data-testid="anaesthesia-refused">
          <Text size="sm" fw={600}>
            {t('chart.anaesthesia.notOffered')}
          </Text>
          <List size="sm">
            {refused.map((a) => (
              <List.Item key={a.name}>
                {a.why ? t('chart.anaesthesia.refusedWhy', { agent: a.name, why: a.why }) : a.name}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
