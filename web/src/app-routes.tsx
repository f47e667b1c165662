import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Role } from './api/api-types';
import { RequireAuth } from './auth/require-auth';
import { clinicalRoles, staffRoles } from './auth/roles';
import { SignInPage } from './auth/sign-in-page';
import { LoadingState } from './components/loading-state';
import { HomeRedirect } from './home-redirect';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './not-found-page';

// Everything after the sign-in page loads on demand, so the first page stays small; the screen the
// app starts on is fetched at once, with the layout around it (every path but the signed-out ones).
const signedOutPath = (path: string) => path === '/' || path === '/sign-in' || path.startsWith('/invite/');
const AppLayout = lazyPage(
  () => import('./layout/app-layout'),
  'AppLayout',
  (path) => !signedOutPath(path),
);
const TodayPage = lazyPage(() => import('./schedule/today-page'), 'TodayPage', '/today');
const ClinicCalendarPage = lazyPage(
  () => import('./clinic-calendar/clinic-calendar-page'),
  'ClinicCalendarPage',
  '/calendar',
);
const DashboardPage = lazyPage(() => import('./dashboard/dashboard-page'), 'DashboardPage', '/dashboard');
const FrontDeskPage = lazyPage(() => import('./front-desk/front-desk-page'), 'FrontDeskPage', '/front-desk');
const PatientSearchPage = lazyPage(() => import('./patients/patient-search-page'), 'PatientSearchPage', '/patients');
const NewPatientPage = lazyPage(() => import('./patients/new-patient-page'), 'NewPatientPage', '/patients/new');
const PatientPage = lazyPage(() => import('./patients/patient-page'), 'PatientPage', '/patients/:id');
const EditPatientPage = lazyPage(() => import('./patients/edit-patient-page'), 'EditPatientPage', '/patients/:id/edit');
const MergePage = lazyPage(() => import('./patients/merge-page'), 'MergePage', '/patients/:id/merge');
const IntakePage = lazyPage(() => import('./intake/intake-page'), 'IntakePage', '/patients/:id/intake');
const AssessmentPage = lazyPage(() => import('./assessment/assessment-page'), 'AssessmentPage', '/assessments/:id');
const BookCoursePage = lazyPage(
  () => import('./courses/book-course-page'),
  'BookCoursePage',
  '/patients/:id/courses/new',
);
const ConsentPage = lazyPage(() => import('./consents/consent-page'), 'ConsentPage', '/patients/:id/consent');
const ChartPage = lazyPage(() => import('./charts/chart-page'), 'ChartPage', '/sessions/:id/chart');
const AttentionPage = lazyPage(() => import('./side-effects/attention-page'), 'AttentionPage', '/side-effects');
const SafetySignalsPage = lazyPage(
  () => import('./safety-signals/safety-signals-page'),
  'SafetySignalsPage',
  '/safety-signals',
);
const RecallPage = lazyPage(() => import('./recall/recall-page'), 'RecallPage', '/recall');
const StockPage = lazyPage(() => import('./stock/stock-page'), 'StockPage', '/stock');
const CourseOutcomesPage = lazyPage(
  () => import('./outcomes/course-outcomes-page'),
  'CourseOutcomesPage',
  '/courses/:id/outcomes',
);
const ClinicResultsPage = lazyPage(() => import('./outcomes/clinic-results-page'), 'ClinicResultsPage', '/outcomes');
const PricesPage = lazyPage(() => import('./money/prices-page'), 'PricesPage', '/admin/prices');
const MoneyPage = lazyPage(() => import('./money/money-page'), 'MoneyPage', '/money');
const NewQuotePage = lazyPage(() => import('./money/new-quote-page'), 'NewQuotePage', '/patients/:id/quotes/new');
const InvoicePage = lazyPage(() => import('./money/invoice-page'), 'InvoicePage', '/invoices/:id');
const FlagsPage = lazyPage(() => import('./flags/flags-page'), 'FlagsPage', '/flags');
const AuditPage = lazyPage(() => import('./audit/audit-page'), 'AuditPage', '/audit');
const ClinicSetupPage = lazyPage(() => import('./admin/clinic/clinic-setup-page'), 'ClinicSetupPage', '/admin/clinic');
const MessageTemplatesPage = lazyPage(
  () => import('./admin/messages/message-templates-page'),
  'MessageTemplatesPage',
  '/admin/messages',
);
const UsersPage = lazyPage(() => import('./admin/users/users-page'), 'UsersPage', '/admin/users');
const ConsentTextsPage = lazyPage(
  () => import('./admin/consents/consent-texts-page'),
  'ConsentTextsPage',
  '/admin/consents',
);
const AcceptInvitationPage = lazyPage(
  () => import('./auth/accept-invitation-page'),
  'AcceptInvitationPage',
  '/invite/:token',
);
const PortalHomePage = lazyPage(() => import('./portal/portal-home-page'), 'PortalHomePage', '/portal');
const PortalAftercarePage = lazyPage(
  () => import('./portal/portal-aftercare-page'),
  'PortalAftercarePage',
  '/portal/aftercare',
);
const ReportSideEffectPage = lazyPage(
  () => import('./portal/report-side-effect-page'),
  'ReportSideEffectPage',
  '/portal/side-effects/new',
);
const PortalBookingPage = lazyPage(
  () => import('./portal/book/portal-booking-page'),
  'PortalBookingPage',
  '/portal/book',
);
const MoveSessionPage = lazyPage(
  () => import('./portal/move/move-session-page'),
  'MoveSessionPage',
  '/portal/sessions/:id/move',
);

const everyone: readonly Role[] = ['admin', 'practitioner', 'reception', 'patient'];
const signers: readonly Role[] = ['admin', 'practitioner'];
const patientOnly: readonly Role[] = ['patient'];
const moneyDesk: readonly Role[] = ['admin', 'reception'];

function only(roles: readonly Role[], page: ReactNode) {
  return <RequireAuth roles={roles}>{page}</RequireAuth>;
}

/** Every screen and who may open it, as the server's routes allow (the server checks again). */
export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingState />}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        {/* An invitation's one-time link: the invitee chooses a password and is signed in. */}
        <Route path="/invite/:token" element={<AcceptInvitationPage />} />
        <Route path="/" element={<HomeRedirect />} />
        <Route element={only(everyone, <AppLayout />)}>
          <Route path="/today" element={only(staffRoles, <TodayPage />)} />
          <Route path="/calendar" element={only(staffRoles, <ClinicCalendarPage />)} />
          <Route path="/dashboard" element={only(['admin', 'reception'], <DashboardPage />)} />
          <Route path="/front-desk" element={only(staffRoles, <FrontDeskPage />)} />
          <Route path="/patients" element={only(staffRoles, <PatientSearchPage />)} />
          <Route path="/patients/new" element={only(staffRoles, <NewPatientPage />)} />
          <Route path="/patients/:id" element={only(staffRoles, <PatientPage />)} />
          <Route path="/patients/:id/edit" element={only(staffRoles, <EditPatientPage />)} />
          <Route path="/patients/:id/merge" element={only(['admin'], <MergePage />)} />
          <Route path="/patients/:id/intake" element={only(clinicalRoles, <IntakePage />)} />
          <Route path="/patients/:id/courses/new" element={only(clinicalRoles, <BookCoursePage />)} />
          <Route path="/patients/:id/consent" element={only(signers, <ConsentPage />)} />
          <Route path="/assessments/:id" element={only(clinicalRoles, <AssessmentPage />)} />
          <Route path="/sessions/:id/chart" element={only(clinicalRoles, <ChartPage />)} />
          <Route path="/side-effects" element={only(clinicalRoles, <AttentionPage />)} />
          <Route path="/safety-signals" element={only(clinicalRoles, <SafetySignalsPage />)} />
          <Route path="/recall" element={only(clinicalRoles, <RecallPage />)} />
          <Route path="/stock" element={only(clinicalRoles, <StockPage />)} />
          <Route path="/courses/:id/outcomes" element={only(clinicalRoles, <CourseOutcomesPage />)} />
          <Route path="/outcomes" element={only(clinicalRoles, <ClinicResultsPage />)} />
          <Route path="/money" element={only(moneyDesk, <MoneyPage />)} />
          <Route path="/patients/:id/quotes/new" element={only(moneyDesk, <NewQuotePage />)} />
          <Route path="/invoices/:id" element={only(moneyDesk, <InvoicePage />)} />
          <Route path="/admin/prices" element={only(['admin'], <PricesPage />)} />
          <Route path="/flags" element={only(clinicalRoles, <FlagsPage />)} />
          <Route path="/audit" element={only(['admin'], <AuditPage />)} />
          <Route path="/admin/clinic" element={only(['admin'], <ClinicSetupPage />)} />
          <Route path="/admin/messages" element={only(['admin'], <MessageTemplatesPage />)} />
          <Route path="/admin/users" element={only(['admin'], <UsersPage />)} />
          <Route path="/admin/consents" element={only(['admin'], <ConsentTextsPage />)} />
          <Route path="/portal" element={only(patientOnly, <PortalHomePage />)} />
          <Route path="/portal/aftercare" element={only(patientOnly, <PortalAftercarePage />)} />
          <Route path="/portal/side-effects/new" element={only(patientOnly, <ReportSideEffectPage />)} />
          <Route path="/portal/book" element={only(patientOnly, <PortalBookingPage />)} />
          <Route path="/portal/sessions/:id/move" element={only(patientOnly, <MoveSessionPage />)} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
