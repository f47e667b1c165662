import { Accordion, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { loadAssessment } from '../assessment/load-assessment';
import { useUser } from '../auth/auth-context';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { fullName } from '../patients/full-name';
import { BookCourseForm, type Booking } from './book-course-form';
import { CourseFinder, type FinderRequest } from './course-finder';
import type { CourseProposal, ProposedCourse } from './proposal-view';

/**
 * Starts a course from an assessment's plan and books its sessions: with the course finder, or by
 * hand. The course is started once (on the first search or booking) and reused after that, so
 * searching again, or retrying a failed booking, never starts a second course.
 */
export function BookCoursePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { id: patientId = '' } = useParams();
  const [params] = useSearchParams();
  const assessmentId = params.get('assessment') ?? '';
  const courseId = useRef<string | null>(null);
  const [proposal, setProposal] = useState<CourseProposal | null>(null);
  const [booked, setBooked] = useState(0);

  const state = useLoad(async () => {
    const path = { params: { path: { id: patientId } } };
    const [patient, assessment, { staff }, { locations }, { courses }] = await Promise.all([
      call(api.GET('/api/patients/{id}', path)),
      loadAssessment(assessmentId),
      call(api.GET('/api/staff')),
      call(api.GET('/api/clinics/{id}/locations', { params: { path: { id: user.clinicId } } })),
      call(api.GET('/api/patients/{id}/courses', path)),
    ]);
    // A course already started from this assessment (say, before the page was reloaded) is reused.
    courseId.current = courses.find((c) => c.assessmentId === assessmentId && c.status === 'active')?.id ?? null;
    return { patient, assessment, staff, locations };
  }, [patientId, assessmentId]);

  const startCourse = async (): Promise<string> => {
    courseId.current ??= (
      await call(
        api.POST('/api/patients/{id}/courses', { params: { path: { id: patientId } }, body: { assessmentId } }),
      )
    ).id;
    return courseId.current;
  };

  const finder = useSubmit(async (request: FinderRequest) => {
    const id = await startCourse();
    const { practitionerId, ...options } = request;
    const result = await call(
      api.POST('/api/courses/{id}/course-proposals', {
        params: { path: { id } },
        body: { ...options, ...(practitionerId ? { preferences: { practitionerId } } : {}) },
      }),
    );
    setProposal(result);
    return result;
  });

  const booking = useSubmit(async (course: ProposedCourse, locationId: string) => {
    const id = await startCourse();
    await call(
      api.POST('/api/courses/{id}/bookings', {
        params: { path: { id } },
        body: {
          locationId,
          sessions: course.sessions.map((s) => ({
            start: s.start,
            practitionerId: s.practitionerId,
            roomId: s.roomId,
          })),
        },
      }),
    );
    return id;
  });

  const manual = useSubmit(async (plan: Booking) => {
    const id = await startCourse();
    for (let i = booked; i < plan.dates.length; i++) {
      const at = plan.dates[i];
      if (!at) continue;
      await call(
        api.POST('/api/courses/{id}/sessions', {
          params: { path: { id } },
          body: {
            scheduledAt: at.toISOString(),
            durationMinutes: plan.durationMinutes,
            practitionerId: plan.practitionerId,
            locationId: plan.locationId,
          },
        }),
      );
      setBooked(i + 1);
    }
    return id;
  });

  return (
    <Loaded state={state}>
      {({ patient, assessment, staff, locations }) => {
        const plan = assessment.result.plan;
        return (
          <>
            <PageTitle>{t('course.bookTitle', { name: fullName(patient) })}</PageTitle>
            {!plan ? (
              <Text>{t('course.noPlan')}</Text>
            ) : (
              <>
                <CourseFinder
                  plan={plan}
                  staff={staff}
                  locations={locations}
                  finding={finder.pending}
                  booking={booking.pending}
                  proposal={proposal}
                  error={finder.error ?? booking.error}
                  onFind={(request) => void finder.submit(request)}
                  onBook={async (course, locationId) => {
                    if (await booking.submit(course, locationId)) navigate(`/patients/${patientId}`);
                  }}
                />
                <Accordion variant="separated" mt="lg" maw={760}>
                  <Accordion.Item value="manual">
                    <Accordion.Control>{t('course.manualTitle')}</Accordion.Control>
                    <Accordion.Panel>
                      <Text size="sm" mb="sm">
                        {t('course.manualHelp')}
                      </Text>
                      <BookCourseForm
                        plan={plan}
                        staff={staff}
                        locations={locations}
                        defaultPractitionerId={user.role === 'practitioner' ? user.id : null}
                        pending={manual.pending}
                        error={manual.error}
                        booked={booked}
                        onSubmit={async (b) => {
                          if (await manual.submit(b)) navigate(`/patients/${patientId}`);
                        }}
                      />
                    </Accordion.Panel>
                  </Accordion.Item>
                </Accordion>
              </>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
