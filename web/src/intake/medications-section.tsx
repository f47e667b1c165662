import { Button, Checkbox, CloseButton, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import {
  emptyMedication,
  medicationClasses,
  type IntakeDraft,
  type MedicationDraft,
  type MedicationClass,
} from './intake-draft';
import { Section } from './section';

/** Each medicine: its kind, and either "still taking it" or the date of the last dose (the 7-day rules need it). */
export function MedicationsSection({
  draft,
  onChange,
  problem,
}: {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
  problem: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const list = draft.medications;
  const set = (index: number, patch: Partial<MedicationDraft>) =>
    onChange({ medications: list.map((m, i) => (i === index ? { ...m, ...patch } : m)) });

  return (
    <Section legend={t('intake.medications')} help={t('intake.medicationsHelp')}>
      <Stack gap="sm">
        {list.map((medication, index) => (
          <Paper key={index} withBorder p="sm" pos="relative" data-testid="medication">
            <CloseButton
              pos="absolute"
              top={6}
              right={6}
              aria-label={t('intake.removeMedication', { n: index + 1 })}
              onClick={() => onChange({ medications: list.filter((_, i) => i !== index) })}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} pr="lg">
              <Select
                label={t('intake.medicationClass')}
                data={medicationClasses.map((c) => ({ value: c, label: label('medicationClass', c) }))}
                value={medication.class}
                allowDeselect={false}
                onChange={(value) => set(index, { class: (value ?? 'other') as MedicationClass })}
              />
              <TextInput
                label={t('intake.medicationName')}
                value={medication.name}
                onChange={(e) => set(index, { name: e.currentTarget.value })}
              />
              {!medication.ongoing && (
                <TextInput
                  label={t('intake.lastDose')}
                  type="date"
                  value={medication.lastDose}
                  onChange={(e) => set(index, { lastDose: e.currentTarget.value })}
                  error={problem(`patient.medications[${index}].lastDose`)}
                />
              )}
            </SimpleGrid>
            <Checkbox
              mt="sm"
              label={t('intake.ongoing')}
              checked={medication.ongoing}
              onChange={(e) => set(index, { ongoing: e.currentTarget.checked })}
            />
          </Paper>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => onChange({ medications: [...list, emptyMedication()] })}
        >
          {t('intake.addMedication')}
        </Button>
      </Stack>
    </Section>
  );
}
