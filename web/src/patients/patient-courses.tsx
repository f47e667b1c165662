import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Course } from '../api/api-types';
import { api, call } from '../api/client';
import { documentLinks } from '../documents/document-links';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { SessionList } from '../sessions/session-list';

async function loadCourses(patientId: string) {
  const path = { params: { path: { id: patientId } } };
  const { courses } = await call(api.GET('/api/patients/{id}/courses', path));
  return Promise.all(
    courses.map(async (course) => ({
      course: course as unknown as Course,
      sessions: (await call(api.GET('/api/courses/{id}/sessions', { params: { path: { id: course.id } } }))).sessions,
    })),
  );
}

/** Where the first course comes from: the latest assessment, when it plans one. */
async function latestPlannedAssessment(patientId: string): Promise<string | null> {
  const { intakes } = await call(api.GET('/api/patients/{id}/intakes', { params: { path: { id: patientId } } }));
  const latest = intakes[0]?.assessment;
  return latest?.result.plan ? latest.id : null;
}

function NoCourse({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const state = useLoad(() => latestPlannedAssessment(patientId), [patientId]);
  return (
    <Loaded state={state}>
      {(assessmentId) => (
        <EmptyState
          size="sm"
          text={t('empty.courses')}
          action={
            assessmentId
              ? { to: `/patients/${patientId}/courses/new?assessment=${assessmentId}`, label: t('empty.bookCourse') }
              : { to: `/patients/${patientId}/intake`, label: t('empty.takeIntake') }
          }
        />
      )}
    </Loaded>
  );
}

/** The patient's courses, newest first, each with its sessions. */
export function PatientCourses({
  patientId,
  canChart,
  canQuote = false,
}: {
  patientId: string;
  canChart: boolean;
  /** Whether the reader keeps the books, and so may quote a course. */
  canQuote?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const state = useLoad(() => loadCourses(patientId), [patientId]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="courses-heading">
      <Title order={2} size="h4" id="courses-heading" mb="sm">
        {t('patients.courses')}
      </Title>
      <Loaded state={state}>
        {(courses) =>
          courses.length === 0 ? (
            <NoCourse patientId={patientId} />
          ) : (
            <Stack gap="md">
              {courses.map(({ course, sessions }) => (
                <div key={course.id} data-testid="course">
                  <Group gap="xs" mb={4}>
                    <Title order={3} size="h5">
                      {t('course.courseTitle', {
                        indication: label('indication', course.indication),
                        area: label('area', course.area),
                      })}
                    </Title>
                    <Badge variant="light" size="sm">
                      {label('courseStatus', course.status)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('course.started', { date: format.dateTime(course.createdAt) })}
                    </Text>
                    <Anchor href={documentLinks.summaryPdf(course.id)} download size="xs">
                      {t('course.summaryPdf')}
                    </Anchor>
                    <Anchor href={documentLinks.courseCalendar(course.id)} download size="xs">
                      {t('course.calendar')}
                    </Anchor>
                    {canChart && (
                      <Anchor
                        component={Link}
                        to={`/courses/${course.id}/outcomes`}
                        size="xs"
                        aria-label={t('outcomeMeasures.courseLinkOf', {
                          course: t('course.courseTitle', {
                            indication: label('indication', course.indication),
                            area: label('area', course.area),
                          }),
                        })}
                      >
                        {t('outcomeMeasures.courseLink')}
                      </Anchor>
                    )}
                    {canQuote && (
                      <Anchor component={Link} to={`/patients/${patientId}/quotes/new?course=${course.id}`} size="xs">
                        {t('money.quoteCourse')}
                      </Anchor>
                    )}
                  </Group>
                  <SessionList sessions={sessions} canChart={canChart} />
                </div>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  );
}
