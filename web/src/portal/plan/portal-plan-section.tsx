import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { useLoad } from '../../hooks/use-load';
import { useCodeLabel } from '../../i18n/use-code-label';
import { PlanSessionItem } from './plan-session-item';

/**
 * The plan, asked for by the page at once, beside its other data: the section then has it when the
 * page is drawn, and does not grow afterwards, pushing everything below it down.
 */
export function usePortalPlan() {
  return useLoad(() => call(api.GET('/api/portal/plan')), []);
}

/** The whole plan: every course, every session in words, with moving and cancelling while the notice period allows. */
export function PortalPlanSection({
  state,
  onChanged,
  children,
}: {
  state: ReturnType<typeof usePortalPlan>;
  onChanged?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const changed = () => {
    state.reload();
    onChanged?.();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-heading" data-testid="upcoming">
      <Title order={2} size="h4" id="plan-heading" mb="xs">
        {t('selfService.planTitle')}
      </Title>
      <Loaded state={state}>
        {(plan) => {
          const courses = plan.courses.filter((c) => c.sessions.length > 0);
          if (courses.length === 0)
            return (
              <EmptyState
                size="sm"
                text={t('selfService.noPlan')}
                action={{ to: '/portal/book', label: t('selfService.bookLink') }}
              />
            );
          return (
            <Stack gap="md" data-testid="plan">
              <Text size="sm">{t('selfService.planIntro', { hours: plan.noticeHours })}</Text>
              {courses.map((course) => (
                <Stack key={course.id} gap={6} component="section" aria-labelledby={`course-${course.id}`}>
                  <Title order={3} size="h5" id={`course-${course.id}`}>
                    {t('selfService.courseHeading', {
                      indication: label('indication', course.indication, course.indicationName),
                      area: label('area', course.area, course.areaName),
                    })}
                  </Title>
                  <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
                    {course.sessions.map((session) => (
                      <PlanSessionItem
                        key={session.id}
                        session={session}
                        noticeHours={plan.noticeHours}
                        onChanged={changed}
                      />
                    ))}
                  </Stack>
                </Stack>
              ))}
            </Stack>
          );
        }}
      </Loaded>
      {children}
    </Paper>
  );
}
