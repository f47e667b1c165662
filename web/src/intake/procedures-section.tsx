import { Button, CloseButton, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import { procedureTypes, type IntakeDraft, type ProcedureDraft } from './intake-draft';
import { Section } from './section';

export function ProceduresSection({
  draft,
  onChange,
}: {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const list = draft.procedures;
  const set = (index: number, patch: Partial<ProcedureDraft>) =>
    onChange({ procedures: list.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  return (
    <Section legend={t('intake.procedures')}>
      <Stack gap="sm">
        {list.map((procedure, index) => (
          <Group key={index} align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('intake.procedureType')}
              data={procedureTypes.map((p) => ({ value: p, label: label('procedure', p) }))}
              value={procedure.type || null}
              onChange={(value) => set(index, { type: value ?? '' })}
              w={240}
            />
            <TextInput
              label={t('intake.procedureDate')}
              type="date"
              value={procedure.date}
              onChange={(e) => set(index, { date: e.currentTarget.value })}
              w={180}
            />
            <CloseButton
              aria-label={t('intake.removeProcedure', { n: index + 1 })}
              onClick={() => onChange({ procedures: list.filter((_, i) => i !== index) })}
              mb={6}
            />
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => onChange({ procedures: [...list, { type: '', date: '' }] })}
        >
          {t('intake.addProcedure')}
        </Button>
      </Stack>
    </Section>
  );
}
