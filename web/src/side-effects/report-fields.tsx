import { Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../knowledge/catalogue';
import { draftReady, severities, type ReportDraft, type Severity } from './report-draft';

interface Props {
  /** Whose words the labels use: the patient's own ("you"), or staff recording for a patient. */
  audience: 'patient' | 'staff';
  value: ReportDraft;
  onChange: (draft: ReportDraft) => void;
  maxOnsetDays: number;
  /** The server's message for a field, if the last try was refused. */
  problem: (field: string) => string | undefined;
}

/**
 * The symptoms a report can tick, from the knowledge base (the usual reactions first, then the
 * warning signs), in the patient's words; their own words as a supplement; the onset in days after
 * the session; whether it is still there; how bad it is. Shared by the portal and the staff form.
 */
export function ReportFields({ audience, value, onChange, maxOnsetDays, problem }: Props) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const staff = audience === 'staff';
  const set = (patch: Partial<ReportDraft>) => onChange({ ...value, ...patch });
  const label = (code: string, fallback: string) => t(`sideEffects.symptoms.${code}`, { defaultValue: fallback });
  const group = (kind: 'expected' | 'warning') => catalogue.symptoms.filter((s) => s.kind === kind);
  const symptomProblem = Object.keys(value.symptoms)
    .map((i) => problem(`symptoms[${i}]`))
    .find(Boolean);

  return (
    <Stack gap="md">
      <Checkbox.Group
        label={t(staff ? 'sideEffects.form.symptomsStaff' : 'sideEffects.form.symptomsPatient')}
        value={value.symptoms}
        onChange={(symptoms) => set({ symptoms })}
        error={problem('symptoms') ?? symptomProblem}
        data-testid="symptom-choices"
      >
        {(['expected', 'warning'] as const).map((kind) => (
          <div key={kind}>
            <Text size="sm" fw={600} mt="xs" c={kind === 'warning' ? 'red.9' : undefined}>
              {t(kind === 'warning' ? 'sideEffects.form.warning' : 'sideEffects.form.common')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt={4} spacing={6}>
              {group(kind).map((s) => (
                <Checkbox key={s.code} value={s.code} label={label(s.code, s.patient)} />
              ))}
            </SimpleGrid>
          </div>
        ))}
      </Checkbox.Group>
      <Textarea
        label={t(staff ? 'sideEffects.form.detailsStaff' : 'sideEffects.form.detailsPatient')}
        description={t('sideEffects.form.detailsHelp')}
        minRows={2}
        autosize
        maxLength={2000}
        value={value.details}
        onChange={(e) => set({ details: e.currentTarget.value })}
        error={problem('symptom')}
      />
      <Group align="flex-start" wrap="wrap" gap="xl">
        <NumberInput
          label={t(staff ? 'sideEffects.form.onsetDaysStaff' : 'sideEffects.form.onsetDaysPatient')}
          description={t('sideEffects.form.onsetDaysHelp')}
          min={0}
          max={maxOnsetDays}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          required
          w={260}
          value={value.onsetDays}
          onChange={(n) => set({ onsetDays: typeof n === 'number' ? n : Number(n) || 0 })}
          error={problem('onsetDays') ?? problem('onset')}
        />
        <Radio.Group
          label={t(staff ? 'sideEffects.form.ongoingStaff' : 'sideEffects.form.ongoingPatient')}
          value={value.ongoing ? 'yes' : 'no'}
          onChange={(v) => set({ ongoing: v === 'yes' })}
          required
          error={problem('ongoing')}
        >
          <Group mt={6}>
            <Radio value="yes" label={t('sideEffects.form.yes')} />
            <Radio value="no" label={t('sideEffects.form.no')} />
          </Group>
        </Radio.Group>
        <Radio.Group
          label={t('sideEffects.form.severity')}
          value={value.severity}
          onChange={(v) => set({ severity: v as Severity })}
          required
          error={problem('severity')}
        >
          <Group mt={6}>
            {severities.map((s) => (
              <Radio key={s} value={s} label={t(`portal.severities.${s}`)} />
            ))}
          </Group>
        </Radio.Group>
      </Group>
      {!draftReady(value) && (
        <Text size="xs" c="dimmed">
          {t('sideEffects.form.nothing')}
        </Text>
      )}
    </Stack>
  );
}
