import { describe, expect, it } from 'vitest';
import { formatMoney, isCurrencyCode, minorDigits, toMajor, toMinor, typedAmount } from './money-amounts';

describe('money amounts', () => {
  it('knows how many decimals a currency has', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('TRY')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('turns typed major amounts into minor units without binary drift', () => {
    expect(toMinor(1.15, 'EUR')).toBe(115);
    expect(toMinor(0.29, 'EUR')).toBe(29);
    expect(toMinor(1234.56, 'TRY')).toBe(123456);
    expect(toMinor(-12.5, 'EUR')).toBe(-1250);
    expect(toMinor(1500, 'JPY')).toBe(1500);
    expect(toMinor(1.2345, 'BHD')).toBe(1235);
    expect(toMajor(123456, 'TRY')).toBe(1234.56);
    expect(toMajor(1500, 'JPY')).toBe(1500);
  });

  it('writes amounts in the reader locale', () => {
    expect(formatMoney(123456, 'EUR', 'en-GB')).toBe('€1,234.56');
    expect(formatMoney(123456, 'TRY', 'tr-TR')).toBe('₺1.234,56');
    expect(formatMoney(-500, 'EUR', 'en-GB')).toBe('-€5.00');
  });

  it('reads number fields and currency codes', () => {
    expect(typedAmount('')).toBeUndefined();
    expect(typedAmount('12.5')).toBe(12.5);
    expect(typedAmount(3)).toBe(3);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('')).toBe(false);
  });
});
