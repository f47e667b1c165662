import { NumberInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnswerRadio } from './answer-radio';
import type { ConditionDraft, KnownCondition } from './intake-draft';

/**
 * The questions a ticked condition raises, and only those: insulin only for diabetes, the number of
 * medicines only for heart disease, and so on (what the contraindication rules look at).
 */
export function ConditionFollowUp({
  code,
  value,
  onChange,
}: {
  code: KnownCondition;
  value: ConditionDraft;
  onChange: (patch: Partial<ConditionDraft>) => void;
}) {
  const { t } = useTranslation();
  const controlled = (
    <AnswerRadio
      name={`${code}-controlled`}
      label={t('intake.controlled')}
      value={value.controlled}
      onChange={(controlled) => onChange({ controlled })}
    />
  );
  switch (code) {
    case 'diabetes':
      return (
        <Stack gap="xs">
          <AnswerRadio
            name="diabetes-insulin"
            label={t('intake.insulinDependent')}
            value={value.insulinDependent}
            onChange={(insulinDependent) => onChange({ insulinDependent })}
          />
          {controlled}
        </Stack>
      );
    case 'hypertension':
      return controlled;
    case 'heart_disease':
      return (
        <Stack gap="xs">
          <NumberInput
            label={t('intake.medicationCount')}
            min={0}
            max={30}
            allowDecimal={false}
            w={120}
            value={value.medicationCount === '' ? '' : Number(value.medicationCount)}
            onChange={(n) => onChange({ medicationCount: n === '' ? '' : String(n) })}
          />
          {controlled}
        </Stack>
      );
    case 'cancer':
      return (
        <AnswerRadio
          name="cancer-active"
          label={t('intake.cancerActive')}
          value={value.active}
          onChange={(active) => onChange({ active })}
        />
      );
    case 'hair_transplant':
      return (
        <TextInput
          label={t('intake.transplantDate')}
          type="date"
          w={200}
          value={value.date}
          onChange={(e) => onChange({ date: e.currentTarget.value })}
        />
      );
    default:
      return null;
  }
}
