import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/auth-context';
import { documentLinks } from '../documents/document-links';
import { AfterFirstPaint } from '../components/after-first-paint';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { AftercareSection } from './aftercare-section';
import { heldSessions, loadPortal, upcomingSessions } from './load-portal';
import { PreparationChecklist } from './preparation-checklist';
import { MyConsultationRequests } from './my-consultation-requests';
import { PortalPlanSection, usePortalPlan } from './plan/portal-plan-section';

const PortalHomeBelowFold = lazy(async () => ({
  default: (await import('./portal-home-below-fold')).PortalHomeBelowFold,
}));

/** The patient's start page: next sessions and how to prepare, aftercare since the last one, reports. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const patientId = user.patientId ?? '';
  const state = useLoad(() => loadPortal(patientId), [patientId]);
  const portalPlan = usePortalPlan();
  // The page is drawn once the plan is in too: drawn before it, the plan's section grew and pushed
  // everything below it down the screen. The data goes in as a deferred value, so that React draws it
  // in slices (a transition) rather than in one long task that keeps the browser from answering.
  const data = useDeferredValue(portalPlan.status === 'loading' ? undefined : state.data);
  const page =
    state.status === 'error'
      ? state
      : data
        ? { status: 'ready' as const, data, reload: state.reload }
        : { status: 'loading' as const, reload: state.reload };

  return (
    <>
      <PageTitle
        actions={
          <>
            <Button component={Link} to="/portal/book">
              {t('selfService.bookLink')}
            </Button>
            <Button component={Link} to="/portal/side-effects/new" color="red">
              {t('portal.reportLink')}
            </Button>
          </>
        }
      >
        {t('portal.title')}
      </PageTitle>
      <Loaded state={page}>
        {({ patient, sessions, courses }) => {
          const reload = state.reload;
          const now = Date.now();
          const upcoming = upcomingSessions(sessions, now);
          const next = upcoming[0];
          const nextPlan = next && courses.get(next.courseId)?.plan;
          const last = heldSessions(sessions, now)[0];
          const lastPlan = last && courses.get(last.courseId)?.plan;
          return (
            <Stack gap="md" maw={900}>
              <Text>{t('portal.hello', { name: patient.firstName })}</Text>
              <MyConsultationRequests />
              <PortalPlanSection state={portalPlan} onChanged={reload}>
                <Group gap="md" mt="sm">
                  {[...courses.values()].map((course) => (
                    <Group key={course.id} gap="md">
                      <Anchor href={documentLinks.courseCalendar(course.id)} download size="sm">
                        {t('course.calendar')}
                      </Anchor>
                      <Anchor href={documentLinks.summaryPdf(course.id)} download size="sm">
                        {t('course.summaryPdf')}
                      </Anchor>
                    </Group>
                  ))}
                </Group>
              </PortalPlanSection>
              {next && nextPlan && (
                <Paper withBorder p="md" component="section" aria-labelledby="preparation-heading">
                  <Title order={2} size="h4" id="preparation-heading" mb="xs">
                    {t('portal.preparation')}
                  </Title>
                  <Text size="sm" fw={600} mb="xs">
                    {t('portal.nextSession', { date: format.dateTime(next.scheduledAt) })}
                  </Text>
                  <PreparationChecklist plan={nextPlan} sessionId={next.id} sessionAt={next.scheduledAt} />
                </Paper>
              )}
              <AftercareSection last={last} plan={lastPlan} />
              {/* The first screen is drawn first; the sections below it, with their requests, after. */}
              <AfterFirstPaint>
                <Suspense fallback={null}>
                  <PortalHomeBelowFold
                    patient={patient}
                    held={heldSessions(sessions, now)}
                    courses={[...courses.values()]}
                  />
                </Suspense>
              </AfterFirstPaint>
            </Stack>
          );
        }}
      </Loaded>
    </>
  );
}
