export const nav = {
  main: 'Main navigation',
  today: "Today's schedule",
  patients: 'Patients',
  newPatient: 'New patient',
  recall: 'Lot recall',
  flags: 'Re-screening flags',
  sideEffects: 'Side effects',
  audit: 'Audit log',
  portalHome: 'My treatment',
  portalSideEffect: 'Report a side effect',
};
