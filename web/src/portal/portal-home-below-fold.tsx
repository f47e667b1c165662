import type { Course, TreatmentSession } from '../api/api-types';
import { CalendarSubscription } from '../calendars/calendar-subscription';
import { PortalOutcomeRatings } from '../outcomes/portal-outcome-ratings';
import { PatientPhotos } from '../photos/patient-photos';
import { FaqSection } from './faq-section';
import { MyMoney } from './my-money';
import { MyReports } from './my-reports';

/**
 * The portal home's sections below the fold, each loading its own data: a module of their own,
 * fetched and drawn after the page's first screen (see portal-home-page.tsx).
 */
export function PortalHomeBelowFold({
  patient,
  held,
  courses,
}: {
  patient: { id: string; firstName: string; lastName: string };
  held: TreatmentSession[];
  courses: Course[];
}) {
  return (
    <>
      <MyReports sessions={held} />
      <PatientPhotos
        patientId={patient.id}
        patientName={`${patient.firstName} ${patient.lastName}`}
        canUpload={false}
      />
      <PortalOutcomeRatings courses={courses} />
      <MyMoney patientId={patient.id} />
      <CalendarSubscription />
      <FaqSection />
    </>
  );
}
