import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';
import { useMeasureLabels } from './measure-labels';
import type { CourseMeasures, MeasureCode, MeasureDefinition, NewMeasure, Rater } from './measure-types';

type Site = NonNullable<NewMeasure['site']>;

const baseline = 'baseline';

/** The raters a user may enter as: a clinician their own rating and the patient's answer; the patient theirs. */
function ratersFor(definition: MeasureDefinition, role: string): Rater[] {
  return definition.raters.filter((rater) => role !== 'patient' || rater === 'patient');
}

/**
 * Records one value of the course's measures: which measure, whose rating, when (baseline or after a
 * held session), where for a circumference, and the value on the measure's own scale. The server
 * checks everything again; its problems show beside the fields.
 */
export function MeasureEntryForm({ data, onSaved }: { data: CourseMeasures; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useMeasureLabels();
  const user = useUser();
  // A course with nothing recorded yet starts with a baseline, so with the first measure that takes one.
  const [code, setCode] = useState<MeasureCode>(
    (data.values.length === 0 ? data.definitions.find((d) => d.comparison === 'change') : undefined)?.code ??
      data.definitions[0]?.code ??
      'gais',
  );
  const definition = data.definitions.find((d) => d.code === code) ?? data.definitions[0];
  const raters = definition ? ratersFor(definition, user.role) : [];
  const [rater, setRater] = useState<Rater | null>(raters[0] ?? null);
  const sites = data.outcomes.measures.find((m) => m.code === code)?.sites ?? [];
  const [site, setSite] = useState<Site | null>(sites[0] ?? null);
  const occasions = [
    ...(definition?.comparison === 'change' ? [{ value: baseline, label: t('outcomeMeasures.baseline') }] : []),
    ...[...data.sessions].reverse().map((s) => ({
      value: s.id,
      label: t('outcomeMeasures.afterSession', { date: format.dateTime(s.scheduledAt) }),
    })),
  ];
  const [occasion, setOccasion] = useState<string | null>(occasions[0]?.value ?? null);
  const [value, setValue] = useState<string | number>('');
  const [saved, setSaved] = useState<string | null>(null);

  const { submit, pending, error, clearError } = useSubmit(async () =>
    call(
      api.POST('/api/courses/{id}/outcome-measures', {
        params: { path: { id: data.course.id } },
        body: {
          measure: code,
          rater: rater ?? 'practitioner',
          sessionId: occasion === baseline ? null : occasion,
          value: typeof value === 'number' ? value : Number(value),
          ...(sites.length > 0 ? { site } : {}),
        },
      }),
    ),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  /** A new measure brings its own raters, occasions, sites and scale: start those afresh. */
  const chooseMeasure = (next: MeasureCode) => {
    const nextDefinition = data.definitions.find((d) => d.code === next);
    setCode(next);
    setRater(nextDefinition ? (ratersFor(nextDefinition, user.role)[0] ?? null) : null);
    setSite(data.outcomes.measures.find((m) => m.code === next)?.sites?.[0] ?? null);
    setOccasion(nextDefinition?.comparison === 'change' ? baseline : (data.sessions.at(-1)?.id ?? null));
    setValue('');
    setSaved(null);
    clearError();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (await submit()) {
      setSaved(t('outcomeMeasures.saved', { measure: labels.measure(code) }));
      setValue('');
      onSaved();
    }
  };

  if (!definition) return null;
  const { scale } = definition;
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="measure-entry-heading">
      <Title order={2} size="h4" id="measure-entry-heading" mb="xs">
        {t('outcomeMeasures.entryHeading')}
      </Title>
      {data.sessions.length === 0 && (
        <Text size="sm" mb="xs">
          {t('outcomeMeasures.noSessionsYet')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('outcomeMeasures.measure')}
          data={data.definitions.map((d) => ({ value: d.code, label: labels.measure(d.code) }))}
          value={code}
          onChange={(next) => next && chooseMeasure(next as MeasureCode)}
          allowDeselect={false}
          error={problem('measure')}
        />
        <Select
          label={t('outcomeMeasures.rater')}
          data={raters.map((r) => ({ value: r, label: labels.rater(r) }))}
          value={rater}
          onChange={(next) => setRater(next as Rater | null)}
          allowDeselect={false}
          error={problem('rater')}
        />
        <Select
          label={t('outcomeMeasures.occasion')}
          data={occasions}
          value={occasion}
          onChange={setOccasion}
          allowDeselect={false}
          error={problem('sessionId')}
        />
        {sites.length > 0 && (
          <Select
            label={t('outcomeMeasures.site')}
            data={sites.map((s) => ({ value: s, label: labels.site(s) }))}
            value={site}
            onChange={(next) => setSite(next as Site | null)}
            allowDeselect={false}
            error={problem('site')}
          />
        )}
        {scale.kind === 'ordinal' ? (
          <Select
            label={t('outcomeMeasures.value')}
            required
            data={scale.levels.map((l) => ({ value: String(l.value), label: labels.value(definition, l.value) }))}
            value={value === '' ? null : String(value)}
            onChange={(next) => setValue(next === null ? '' : Number(next))}
            error={problem('value')}
          />
        ) : (
          <NumberInput
            label={t('outcomeMeasures.valueCm')}
            required
            min={scale.min}
            max={scale.max}
            decimalScale={scale.decimals}
            value={value}
            onChange={setValue}
            error={problem('value')}
          />
        )}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t('outcomeMeasures.outsideReference', { standard: definition.standard })}
      </Text>
      {error !== null && <ErrorAlert error={error} />}
      <Group mt="sm" gap="sm">
        <Button type="submit" loading={pending} disabled={value === '' || occasion === null || rater === null}>
          {t('outcomeMeasures.save')}
        </Button>
        {saved && (
          <Text size="sm" role="status">
            {saved}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
