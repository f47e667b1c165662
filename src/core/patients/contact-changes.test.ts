import { describe, expect, it } from 'vitest';
import { activeChange, contactChanges } from './contact-changes.js';

const current = {
  firstName: 'Leyla',
  lastName: 'Demir',
  birthDate: '1991-05-14',
  sex: 'female' as const,
  phone: '+90 532 123 45 67',
  email: null,
  preferredLanguage: 'tr',
};

describe('contact changes', () => {
  it('lists only the fields whose value really changes, old and new', () => {
    expect(
      contactChanges(current, { firstName: 'Leyla', lastName: 'Demirci', phone: null, email: 'l@example.test' }),
    ).toEqual([
      { field: 'lastName', oldValue: 'Demir', newValue: 'Demirci' },
      { field: 'phone', oldValue: '+90 532 123 45 67', newValue: null },
      { field: 'email', oldValue: null, newValue: 'l@example.test' },
    ]);
    expect(contactChanges(current, { birthDate: '1991-05-14', sex: 'female', preferredLanguage: 'tr' })).toEqual([]);
    expect(contactChanges(current, { preferredLanguage: 'en' })).toEqual([
      { field: 'preferredLanguage', oldValue: 'tr', newValue: 'en' },
    ]);
  });

  it('writes activation as a change of active', () => {
    expect(activeChange(false)).toEqual({ field: 'active', oldValue: 'true', newValue: 'false' });
    expect(activeChange(true)).toEqual({ field: 'active', oldValue: 'false', newValue: 'true' });
  });
});
