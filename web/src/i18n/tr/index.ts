import type { Messages } from '../en';
import { assessment } from './assessment';
import { auth } from './auth';
import { calendar } from './calendar';
import { clinicCalendar } from './clinic-calendar';
import { chart } from './chart';
import { clinicSetup } from './clinic-setup';
import { codes } from './codes';
import { consent } from './consent';
import { consentTexts } from './consent-texts';
import { course } from './course';
import { common } from './common';
import { empty } from './empty';
import { errors } from './errors';
import { intake } from './intake';
import { messageTemplates } from './message-templates';
import { nav } from './nav';
import { patients } from './patients';
import { patientRecords } from './patient-records';
import { portal } from './portal';
import { records } from './records';
import { schedule } from './schedule';
import { sideEffects } from './side-effects';
import { safetySignals } from './safety-signals';
import { users } from './users';
import { stock } from './stock';
import { outcomeMeasures } from './outcome-measures';
import { money } from './money';
import { dashboard } from './dashboard';
import { frontDesk } from './front-desk';
import { selfService } from './self-service';

/** Turkish. Typed as the English messages, so a missing or misspelt key fails the build. */
export const tr: Messages = {
  common,
  errors,
  auth,
  nav,
  codes,
  assessment,
  patients,
  patientRecords,
  intake,
  schedule,
  course,
  consent,
  chart,
  portal,
  sideEffects,
  safetySignals,
  records,
  calendar,
  clinicCalendar,
  empty,
  clinicSetup,
  messageTemplates,
  stock,
  outcomeMeasures,
  users,
  consentTexts,
  money,
  dashboard,
  frontDesk,
  selfService,
};
