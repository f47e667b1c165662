import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import type { Course } from '../api/api-types';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { isClinical } from '../auth/roles';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { localDateOf } from '../dates/local-date';
import { FlagNotice } from '../flags/flag-notice';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { fullName } from '../patients/full-name';
import { Addenda } from './addenda';
import { ChartForm, type ChartEntry } from './chart-form';
import { callKeepingRefusal } from './chart-refusal';
import { SavedChart } from './saved-chart';
import { TreatmentCheckPanel } from './treatment-check-panel';
import type { TreatmentCheck } from './treatment-check';

async function loadChart(sessionId: string) {
  const session = await call(api.GET('/api/sessions/{id}', { params: { path: { id: sessionId } } }));
  const [course, patient, { products }, chart, { staff }] = await Promise.all([
    call(api.GET('/api/courses/{id}', { params: { path: { id: session.courseId } } })) as unknown as Promise<Course>,
    call(api.GET('/api/patients/{id}', { params: { path: { id: session.patientId } } })),
    call(api.GET('/api/products')),
    // No chart yet is the usual case, not an error.
    call(api.GET('/api/sessions/{id}/chart', { params: { path: { id: sessionId } } })).catch((error: unknown) => {
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    }),
    call(api.GET('/api/staff')),
  ]);
  // The safety check is needed only to chart; if it cannot be had, the page fails (closed) rather than offer the form without it.
  const check =
    chart === null && session.status === 'planned'
      ? ((await call(
          api.GET('/api/sessions/{id}/treatment-check', { params: { path: { id: sessionId } } }),
        )) as TreatmentCheck)
      : null;
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  return { session, course, patient, products, chart, check, names };
}

/** Charts a planned session after its safety check, or shows the chart of one already charted with its addenda. */
export function ChartPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const navigate = useNavigate();
  const user = useUser();
  const { id = '' } = useParams();
  const state = useLoad(() => loadChart(id), [id]);
  const { submit, pending, error } = useSubmit(async (entry: ChartEntry) =>
    callKeepingRefusal(api.POST('/api/sessions/{id}/chart', { params: { path: { id } }, body: entry }), call),
  );

  return (
    <Loaded state={state}>
      {({ session, course, patient, products, chart, check, names }) => (
        <>
          <PageTitle>{t(chart ? 'chart.viewTitle' : 'chart.title', { name: fullName(patient) })}</PageTitle>
          <Text size="sm" mb="md">
            {t('chart.sessionAt', {
              date: format.dateTime(session.scheduledAt),
              indication: label('indication', course.indication),
              area: label('area', course.area),
            })}
          </Text>
          {session.flag && <FlagNotice flag={session.flag} />}
          {chart ? (
            <>
              <SavedChart chart={chart} area={course.area} products={products} names={names} />
              <Addenda
                sessionId={session.id}
                addenda={chart.addenda ?? []}
                canAdd={isClinical(user.role)}
                names={names}
                onAdded={state.reload}
              />
            </>
          ) : check ? (
            <>
              <TreatmentCheckPanel check={check} patientId={patient.id} />
              <ChartForm
                plan={course.plan}
                check={check}
                products={products}
                sessionDate={check.sessionDate || localDateOf(new Date(session.scheduledAt))}
                pending={pending}
                error={error}
                onSubmit={async (entry) => {
                  if (await submit(entry)) navigate(`/patients/${patient.id}`);
                }}
              />
            </>
          ) : (
            <Alert color="gray" variant="light" data-testid="chart-closed">
              {t('chart.closed', { status: label('sessionStatus', session.status) })}
            </Alert>
          )}
        </>
      )}
    </Loaded>
  );
}
