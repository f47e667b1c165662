import type { ReaderLanguage } from '../api/api-types';

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

/** A patient's details as the forms hold them: text as typed, an empty phone or email as ''. */
export interface DetailsForm {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone: string;
  email: string;
  /** The language of the patient's portal, sheets and messages; '' leaves a new patient to the clinic's. */
  preferredLanguage: ReaderLanguage | '';
}

export const emptyDetails: DetailsForm = {
  firstName: '',
  lastName: '',
  birthDate: '',
  sex: 'unknown',
  phone: '',
  email: '',
  preferredLanguage: '',
};

/** The details as the API takes them: an empty phone or email is none, no language the clinic's. */
export function detailsBody(form: DetailsForm) {
  return {
    firstName: form.firstName,
    lastName: form.lastName,
    birthDate: form.birthDate,
    sex: form.sex,
    phone: form.phone.trim() || null,
    email: form.email.trim() || null,
    ...(form.preferredLanguage ? { preferredLanguage: form.preferredLanguage } : {}),
  };
}
