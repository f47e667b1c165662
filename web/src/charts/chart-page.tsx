import { Grid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import type { Course } from '../api/api-types';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { localDateOf } from '../dates/local-date';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { areaById } from '../knowledge/catalogue';
import { fullName } from '../patients/full-name';
import { BodyMap } from './body-map';
import { ChartForm, type ChartEntry } from './chart-form';
import { mapKindOf } from './map-outlines';
import { PointTable } from './point-table';

async function loadChart(sessionId: string) {
  const session = await call(api.GET('/api/sessions/{id}', { params: { path: { id: sessionId } } }));
  const [course, patient, { products }, chart] = await Promise.all([
    call(api.GET('/api/courses/{id}', { params: { path: { id: session.courseId } } })) as unknown as Promise<Course>,
    call(api.GET('/api/patients/{id}', { params: { path: { id: session.patientId } } })),
    call(api.GET('/api/products')),
    // No chart yet is the usual case, not an error.
    call(api.GET('/api/sessions/{id}/chart', { params: { path: { id: sessionId } } })).catch((error: unknown) => {
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    }),
  ]);
  return { session, course, patient, products, chart };
}

/** Charts a planned session, or shows the chart of one already charted. */
export function ChartPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const state = useLoad(() => loadChart(id), [id]);
  const { submit, pending, error } = useSubmit(async (entry: ChartEntry) => call(api.POST('/api/sessions/{id}/chart', { params: { path: { id } }, body: entry })));

  return (
    <Loaded state={state}>
      {({ session, course, patient, products, chart }) => (
        <>
          <PageTitle>{t(chart ? 'chart.viewTitle' : 'chart.title', { name: fullName(patient) })}</PageTitle>
          <Text size="sm" mb="md">
            {t('chart.sessionAt', { date: format.dateTime(session.scheduledAt), indication: label('indication', course.indication), area: label('area', course.area) })}
          </Text>
          {chart ? (
            <Grid gutter="md">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <BodyMap kind={mapKindOf(areaById(course.area)?.region)} points={chart.points} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Text size="sm" mb="xs">
                  {t('chart.saved', { date: format.dateTime(chart.createdAt) })}
                </Text>
                <PointTable points={chart.points} products={products} />
                {chart.notes && (
                  <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {chart.notes}
                  </Text>
                )}
              </Grid.Col>
            </Grid>
          ) : (
            <ChartForm
              plan={course.plan}
              products={products}
              sessionDate={localDateOf(new Date(session.scheduledAt))}
              pending={pending}
              error={error}
              onSubmit={async (entry) => {
                if (await submit(entry)) navigate(`/patients/${patient.id}`);
              }}
            />
          )}
        </>
      )}
    </Loaded>
  );
}
