import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../domain-errors.js';
import { passwordWeakness, requireStrongPassword } from './password-strength.js';

describe('password strength', () => {
  it('refuses repeats, sequences and common passwords with the estimator’s hint', () => {
    expect(passwordWeakness('aaaaaaaaaa')).toMatch(/^is too easy to guess: Repeated characters/);
    expect(passwordWeakness('1234567890')).toMatch(/^is too easy to guess: This is a frequently used password/);
    expect(passwordWeakness(' '.repeat(10))).toMatch(/^is too easy to guess/);
    expect(passwordWeakness('password123!')).toMatch(/similar to a commonly used password/);
  });

  it('takes passphrases and random strings', () => {
    for (const strong of [
      'correct horse battery staple',
      'a long enough password',
      'Qx7-vLp2_rT9mW',
      'aB3dE6gH9jK2mN5p',
    ])
      expect(passwordWeakness(strong), strong).toBeUndefined();
  });

  it('counts the person’s own email and name as easy to guess', () => {
    const email = 'hanna.yilmaz@clinic.example';
    expect(passwordWeakness(email)).toBeUndefined();
    expect(passwordWeakness(email, [email, 'Hanna Yilmaz'])).toBeDefined();
    expect(passwordWeakness('yilmazhanna', [email, 'Hanna Yilmaz'])).toBeDefined();
  });

  it('judges the longest passwords quickly', () => {
    const started = performance.now();
    for (const long of ['7Hq!'.repeat(50), '1234567890'.repeat(20), 'p4ssw0rd!'.repeat(22), '1990-01-01 '.repeat(18)])
      passwordWeakness(long);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(passwordWeakness('a'.repeat(64) + 'Qx7-vLp2_rT9mW')).toBeDefined();
  });

  it('throws a 400 naming the field', () => {
    expect(() => requireStrongPassword('newPassword', 'aaaaaaaaaa')).toThrow(InvalidInputError);
    try {
      requireStrongPassword('newPassword', 'aaaaaaaaaa');
    } catch (error) {
      expect((error as InvalidInputError).problems).toEqual([
        { field: 'newPassword', message: expect.stringMatching(/^is too easy to guess: /) },
      ]);
    }
  });
});
