export const schedule = {
  title: "Today's schedule",
  dateLabel: 'Day',
  empty: 'No sessions on this day.',
  time: 'Time',
  patient: 'Patient',
  duration: 'Length',
  status: 'Status',
  flagged: 'Re-screening flag: {{verdict}}',
  chart: 'Chart',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  today: 'Today',
};
