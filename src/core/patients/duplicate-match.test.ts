import { describe, expect, it } from 'vitest';
import { duplicateNameKey, duplicateReasonsFor, emailKey, phoneTail } from './duplicate-match.js';

const leyla = { firstName: 'Leyla', lastName: 'Demir', birthDate: '1991-05-14', phone: null, email: null };

describe('duplicate match', () => {
  it('folds case, accents and the Turkish dotted and dotless i', () => {
    expect(duplicateNameKey('İLKER Işık-Öz')).toBe('ilker isik oz');
    expect(duplicateNameKey('ilker ışık öz')).toBe('ilker isik oz');
    expect(duplicateNameKey('Ilker ISIK  oz')).toBe('ilker isik oz');
    expect(duplicateNameKey('Çağrı Şahin')).toBe('cagri sahin');
    expect(duplicateNameKey('Anne-Marie Müller')).toBe('anne marie muller');
  });

  it('matches the same name and birth date, in either order, but not the name alone', () => {
    expect(duplicateReasonsFor(leyla, { ...leyla, firstName: 'LEYLA', lastName: 'demır' })).toEqual([
      'name_and_birth_date',
    ]);
    expect(duplicateReasonsFor(leyla, { ...leyla, firstName: 'Demir', lastName: 'Leyla' })).toEqual([
      'name_and_birth_date',
    ]);
    expect(duplicateReasonsFor(leyla, { ...leyla, birthDate: '1991-05-15' })).toEqual([]);
    expect(duplicateReasonsFor({ firstName: 'Leyla', lastName: 'Demir' }, leyla)).toEqual([]);
    expect(duplicateReasonsFor(leyla, { ...leyla, lastName: 'Demirci' })).toEqual([]);
    expect(
      duplicateReasonsFor({ ...leyla, firstName: '--', lastName: '' }, { ...leyla, firstName: '', lastName: '' }),
    ).toEqual([]);
  });

  it('matches phones by their last nine digits, and only numbers long enough', () => {
    const other = { firstName: 'Ayşe', lastName: 'Kaya', birthDate: '1980-01-01' };
    expect(duplicateReasonsFor({ ...leyla, phone: '+90 532 123 45 67' }, { ...other, phone: '0532 123 4567' })).toEqual(
      ['phone'],
    );
    expect(duplicateReasonsFor({ ...leyla, phone: '+90 532 123 45 67' }, { ...other, phone: '0532 123 4568' })).toEqual(
      [],
    );
    expect(duplicateReasonsFor({ ...leyla, phone: '123' }, { ...other, phone: '123' })).toEqual([]);
    expect(phoneTail('12-34')).toBeNull();
    expect(phoneTail('+49 30 1234567')).toBe('301234567');
  });

  it('matches emails without case or spaces, and names every reason that holds', () => {
    expect(emailKey('  Leyla@Example.TEST ')).toBe('leyla@example.test');
    expect(emailKey('')).toBeNull();
    const probe = { ...leyla, phone: '05321234567', email: 'LEYLA@example.test' };
    expect(duplicateReasonsFor(probe, { ...leyla, phone: '+905321234567', email: 'leyla@example.test' })).toEqual([
      'name_and_birth_date',
      'phone',
      'email',
    ]);
    expect(duplicateReasonsFor({ ...leyla, email: null }, { ...leyla, lastName: 'X', email: null })).toEqual([]);
  });
});
