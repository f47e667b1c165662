import type { DefaultTemplates } from './letters.js';

/** The English letters: the texts mesodesk has always sent. */
export const englishTemplates: DefaultTemplates = {
  booking_confirmation: {
    subject: 'Your session on {sessionDate} at {sessionTime} is booked',
    body:
      'Hello {patientName},\n\n' +
      'Your session is booked:\n\n  {sessionDate}, {sessionTime} to {sessionEndTime}\n  {place}\n\n' +
      '{instructions}\n\n' +
      'If you need to change or cancel the appointment, please contact the clinic.\n\n' +
      '{clinicName}\n',
  },
  preparation_reminder: {
    subject: 'Preparing for your session on {sessionDate}',
    body:
      'Hello {patientName},\n\n' +
      'Your session is on {sessionDate} at {sessionTime}, at {place}. From now until then:\n\n' +
      '{instructions}\n\n' +
      'If you have questions about any of this, or about a medicine you take, please contact the clinic.\n\n' +
      '{clinicName}\n',
  },
  day_before_reminder: {
    subject: 'Reminder: your session on {sessionDate} at {sessionTime}',
    body:
      'Hello {patientName},\n\n' +
      'This is a reminder of your session {sessionDay}, {sessionDate} at {sessionTime}, at {place}.\n\n' +
      '{instructions}\n\n' +
      '{clinicName}\n',
  },
  aftercare: {
    subject: 'Your aftercare after the session on {sessionDate}',
    body:
      'Hello {patientName},\n\n' +
      'Thank you for coming in. Your session ended at {sessionEndTime}; please look after the treated area as follows (times are local clinic times).\n\n' +
      '{instructions}\n\n' +
      '{clinicName}\n',
  },
  check_in: {
    subject: 'How are you after your session on {sessionDate}?',
    body:
      'Hello {patientName},\n\n' +
      'We hope the treated area is settling well. If you have noticed any side effect, or anything that is not getting better, please tell us:\n\n' +
      '{instructions}\n\n' +
      '{clinicName}\n',
  },
};
