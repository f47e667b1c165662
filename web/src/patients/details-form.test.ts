import { describe, expect, it } from 'vitest';
import { detailsBody, emptyDetails } from './details-form';

const leyla = { ...emptyDetails, firstName: 'Leyla', lastName: 'Demir', birthDate: '1991-05-14' };

describe('a patient’s details as the API takes them', () => {
  it('leaves a new patient’s language to the clinic until one is chosen', () => {
    expect(detailsBody(leyla)).not.toHaveProperty('preferredLanguage');
    expect(detailsBody({ ...leyla, preferredLanguage: 'tr' })).toMatchObject({ preferredLanguage: 'tr' });
  });

  it('sends an empty phone or email as none', () => {
    expect(detailsBody({ ...leyla, phone: '  ', email: '' })).toMatchObject({ phone: null, email: null });
  });
});
