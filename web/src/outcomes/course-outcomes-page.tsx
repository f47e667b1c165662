import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { fullName } from '../patients/full-name';
import { CourseMeasureSeries } from './course-measure-series';
import { MeasureEntryForm } from './measure-entry-form';
import { useMeasureLabels } from './measure-labels';

async function loadCourseOutcomes(courseId: string) {
  const data = await call(api.GET('/api/courses/{id}/outcome-measures', { params: { path: { id: courseId } } }));
  const patient = await call(api.GET('/api/patients/{id}', { params: { path: { id: data.course.patientId } } }));
  return { data, patient };
}

/**
 * A course's standard outcome measures: the photo set to repeat, a form to record the baseline and
 * each session's values, and the course so far as charts with their numbers.
 */
export function CourseOutcomesPage() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const labels = useMeasureLabels();
  const { id = '' } = useParams();
  const state = useLoad(() => loadCourseOutcomes(id), [id]);

  return (
    <Loaded state={state}>
      {({ data, patient }) => {
        const course = t('course.courseTitle', {
          indication: label('indication', data.course.indication),
          area: label('area', data.course.area),
        });
        return (
          <>
            <PageTitle>{t('outcomeMeasures.pageTitle', { course })}</PageTitle>
            <Stack gap="md">
              <Group gap="md">
                <Text size="sm">{t('outcomeMeasures.patientLine', { name: fullName(patient) })}</Text>
                <Anchor component={Link} to={`/patients/${patient.id}`} size="sm">
                  {t('outcomeMeasures.backToPatient')}
                </Anchor>
              </Group>
              <Text size="sm">{t('outcomeMeasures.intro')}</Text>
              <Paper withBorder p="md" component="section" aria-labelledby="photo-views-heading">
                <Title order={2} size="h4" id="photo-views-heading" mb="xs">
                  {t('outcomeMeasures.photoViewsHeading')}
                </Title>
                {data.outcomes.photoViews.length === 0 ? (
                  <Text size="sm">{t('outcomeMeasures.noPhotoViews')}</Text>
                ) : (
                  <>
                    <Text size="sm" mb="xs">
                      {t('outcomeMeasures.photoViewsHelp')}
                    </Text>
                    <List size="sm" data-testid="photo-views">
                      {data.outcomes.photoViews.map((view) => (
                        <List.Item key={view}>{labels.photoView(view)}</List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Paper>
              <MeasureEntryForm key={data.course.id} data={data} onSaved={state.reload} />
              <CourseMeasureSeries data={data} />
            </Stack>
          </>
        );
      }}
    </Loaded>
  );
}
