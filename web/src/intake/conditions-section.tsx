import { ActionIcon, Box, Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import { AnswerRadio } from './answer-radio';
import { ConditionFollowUp } from './condition-follow-up';
import { knownConditions, type ConditionDraft, type IntakeDraft, type KnownCondition } from './intake-draft';
import { Section } from './section';

export function ConditionsSection({
  draft,
  onChange,
  reviewable = true,
}: {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
  /** Whether a clinician fills it in, who may mark a condition mesodesk does not know reviewed. */
  reviewable?: boolean;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const setCondition = (code: KnownCondition, patch: Partial<ConditionDraft>) =>
    onChange({ conditions: { ...draft.conditions, [code]: { ...draft.conditions[code], ...patch } } });
  const others = draft.otherConditions;
  const setOther = (index: number, patch: Partial<(typeof others)[number]>) =>
    onChange({ otherConditions: others.map((o, i) => (i === index ? { ...o, ...patch } : o)) });

  return (
    <Section legend={t('intake.conditions')} help={t('intake.conditionsHelp')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {knownConditions.map((code) => {
          const value = draft.conditions[code];
          return (
            <Box key={code}>
              <Checkbox
                label={label('condition', code)}
                checked={value.checked}
                onChange={(e) => setCondition(code, { checked: e.currentTarget.checked })}
              />
              {value.checked && (
                <Box pl="xl" pt="xs" data-testid={`follow-up-${code}`}>
                  <ConditionFollowUp code={code} value={value} onChange={(patch) => setCondition(code, patch)} />
                </Box>
              )}
            </Box>
          );
        })}
      </SimpleGrid>
      <Stack gap="xs" mt="md">
        {others.map((other, index) => (
          <Group key={index} align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('intake.otherCondition')}
              value={other.code}
              onChange={(e) => setOther(index, { code: e.currentTarget.value })}
            />
            <AnswerRadio
              name={`other-${index}-controlled`}
              label={t('intake.controlled')}
              value={other.controlled}
              onChange={(controlled) => setOther(index, { controlled })}
            />
            {reviewable && (
              <Checkbox
                label={t('intake.reviewedCondition')}
                description={t('intake.reviewedHelp')}
                checked={other.reviewed}
                onChange={(e) => setOther(index, { reviewed: e.currentTarget.checked })}
                maw={320}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${t('common.remove')}: ${other.code || t('intake.otherCondition')}`}
              onClick={() => onChange({ otherConditions: others.filter((_, i) => i !== index) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() =>
            onChange({ otherConditions: [...others, { code: '', controlled: 'unknown', reviewed: false }] })
          }
        >
          {t('intake.addOtherCondition')}
        </Button>
      </Stack>
    </Section>
  );
}
