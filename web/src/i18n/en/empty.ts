/** What an empty list is for, and the action that fills it (components/empty-state.tsx). */
export const empty = {
  findPatient: 'Find a patient',
  schedule:
    'No sessions on this day. Sessions appear here once a course is booked: open a patient, take their intake and book the course its assessment plans.',
  patients: 'No patient matches. Check the spelling, or register the patient if they are new.',
  registerPatient: 'Register a new patient',
  sideEffects:
    'No reports need attention. Side-effect reports triaged urgent or review appear here: patients send them from the portal, and you record the ones they phone in on their page.',
  flags:
    'No upcoming session is flagged. A booked session appears here when a new intake, or a new version of the knowledge base, makes it unsafe to treat: record a changed intake on the patient’s page.',
  recall:
    'No patient received this lot yet. A lot reaches patients when a session is charted with it, from the day’s schedule.',
  openSchedule: 'Open the schedule',
  audit:
    'No entries match. Every read and change of a patient’s records is written here; change the filters to see more.',
  intakes:
    'No intake yet. The intake screens the patient against the knowledge base, and its assessment plans the course.',
  takeIntake: 'Take the intake',
  courses: 'No course yet. A course is booked from an assessment’s plan.',
  bookCourse: 'Book the course of the latest assessment',
  consents: 'No consent signed yet. The patient signs the current consent text before their first session is charted.',
  signConsent: 'Sign the consent',
  photos: 'No photos yet. Add a before photo at the first session and after photos as the course goes on, below.',
  outcomes: 'No outcomes yet. Rate each session once it has taken place, below.',
  patientSideEffects:
    'No side effects reported. Reports the patient sends from the portal appear here; record one they phone in below.',
  sessions: 'No sessions booked. A practitioner books them from the course the patient’s assessment plans.',
  portalUpcoming: 'No upcoming sessions are booked. Your clinic books them with you.',
  portalReports: 'No reports yet. If you notice anything after a session, tell the clinic here.',
  reportSideEffect: 'Report a side effect',
};
