import { Button, Group, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Course } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { useMeasureLabels } from './measure-labels';
import type { CourseMeasures, MeasureDefinition } from './measure-types';

/** The patient's own rating of one measure after the chosen session, with what they gave before. */
function RatingForm({
  data,
  definition,
  sessionId,
  onSaved,
}: {
  data: CourseMeasures;
  definition: MeasureDefinition;
  sessionId: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const given = data.values.find(
    (v) => v.measure === definition.code && v.rater === 'patient' && v.sessionId === sessionId,
  );
  const [choice, setChoice] = useState<string>(given ? String(given.value) : '');
  const [saved, setSaved] = useState(false);
  const { submit, pending, error } = useSubmit(async () =>
    call(
      api.POST('/api/courses/{id}/outcome-measures', {
        params: { path: { id: data.course.id } },
        body: { measure: definition.code, rater: 'patient', sessionId, value: Number(choice) },
      }),
    ),
  );
  const levels = definition.scale.kind === 'ordinal' ? definition.scale.levels : [];
  const question =
    (t('outcomeMeasures.portalQuestion', { returnObjects: true }) as Record<string, string>)[definition.code] ??
    labels.measure(definition.code);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await submit()) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form onSubmit={onSubmit}>
      <Radio.Group label={question} value={choice} onChange={setChoice} required>
        <Stack gap={6} mt={6}>
          {levels.map((level) => (
            <Radio key={level.value} value={String(level.value)} label={labels.value(definition, level.value)} />
          ))}
        </Stack>
      </Radio.Group>
      {given && (
        <Text size="sm" mt="xs" data-testid="own-rating">
          {t('outcomeMeasures.portalYours', { level: labels.value(definition, given.value) })}
        </Text>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <Group mt="sm" gap="sm">
        <Button type="submit" loading={pending} disabled={choice === ''}>
          {given ? t('outcomeMeasures.portalChange') : t('outcomeMeasures.portalSave')}
        </Button>
        {saved && (
          <Text size="sm" role="status">
            {t('outcomeMeasures.portalSaved')}
          </Text>
        )}
      </Group>
    </form>
  );
}

function CourseRatings({ data, onSaved }: { data: CourseMeasures; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const latestFirst = [...data.sessions].reverse();
  const [sessionId, setSessionId] = useState<string | null>(latestFirst[0]?.id ?? null);
  const own = data.definitions.filter((d) => d.raters.includes('patient') && d.scale.kind === 'ordinal');
  if (!sessionId || own.length === 0) return null;
  const course = t('course.courseTitle', {
    indication: label('indication', data.course.indication),
    area: label('area', data.course.area),
  });
  return (
    <Stack gap="sm" data-testid="course-ratings">
      <Title order={3} size="h5">
        {t('outcomeMeasures.portalCourse', { course })}
      </Title>
      <Select
        label={t('outcomeMeasures.occasion')}
        data={latestFirst.map((s) => ({
          value: s.id,
          label: t('outcomeMeasures.portalSession', { date: format.dateTime(s.scheduledAt) }),
        }))}
        value={sessionId}
        onChange={setSessionId}
        allowDeselect={false}
        maw={360}
      />
      {own.map((definition) => (
        <RatingForm
          key={`${definition.code}-${sessionId}`}
          data={data}
          definition={definition}
          sessionId={sessionId}
          onSaved={onSaved}
        />
      ))}
    </Stack>
  );
}

/** In the portal: the patient rates the result of their sessions themselves (GAIS, or their condition's own scale). */
export function PortalOutcomeRatings({ courses }: { courses: readonly Course[] }) {
  const { t } = useTranslation();
  const ids = courses.map((c) => c.id);
  const state = useLoad(
    () =>
      Promise.all(ids.map((id) => call(api.GET('/api/courses/{id}/outcome-measures', { params: { path: { id } } })))),
    [ids.join()],
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="own-ratings-heading">
      <Title order={2} size="h4" id="own-ratings-heading" mb="xs">
        {t('outcomeMeasures.portalHeading')}
      </Title>
      <Loaded state={state}>
        {(all) => {
          const rateable = all.filter((data) => data.sessions.length > 0);
          return rateable.length === 0 ? (
            <Text size="sm">{t('outcomeMeasures.portalNone')}</Text>
          ) : (
            <Stack gap="lg">
              <Text size="sm">{t('outcomeMeasures.portalIntro')}</Text>
              {rateable.map((data) => (
                <CourseRatings key={data.course.id} data={data} onSaved={state.reload} />
              ))}
            </Stack>
          );
        }}
      </Loaded>
    </Paper>
  );
}
