import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answer } from './intake-draft';

/** Yes / No / Don't know as a radio group: one tab stop, arrow keys to choose, read as one question. */
export function AnswerRadio({
  label,
  value,
  onChange,
  name,
}: {
  label: string;
  value: Answer;
  onChange: (answer: Answer) => void;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} value={value} onChange={(v) => onChange(v as Answer)} name={name}>
      <Group gap="md" mt={4}>
        <Radio value="yes" label={t('intake.answerYes')} />
        <Radio value="no" label={t('intake.answerNo')} />
        <Radio value="unknown" label={t('intake.answerUnknown')} />
      </Group>
    </Radio.Group>
  );
}
