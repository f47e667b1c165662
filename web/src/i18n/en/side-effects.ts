export const sideEffects = {
  title: 'Side effects needing attention',
  intro: 'Reports triaged urgent (today) or review (within days), newest first.',
  level: { expected: 'Expected', review: 'Review', urgent: 'Urgent' } as Record<string, string>,
  filter: 'Show',
  all: 'Urgent and review',
  none: 'No reports need attention.',
  patientReports: 'Side-effect reports',
  noPatientReports: 'No side effects reported.',
  reported: '{{date}} · session of {{session}}',
  severity: 'Severity: {{severity}}',
  lots: 'Lots used: {{lots}}',
  symptom: 'Reported',
};
