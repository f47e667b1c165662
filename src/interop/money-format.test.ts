import { describe, expect, it } from 'vitest';
import { currencyDigits, minorToDecimal, moneyFormat } from './money-format.js';

describe('money format', () => {
  it('knows each currency’s decimals from Intl', () => {
    expect([currencyDigits('EUR'), currencyDigits('TRY'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([
      2, 2, 0, 3,
    ]);
    expect(() => currencyDigits('EURO')).toThrow(RangeError);
  });

  it('turns minor units into exact decimal text', () => {
    expect(minorToDecimal(123_450, 2)).toBe('1234.50');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(0, 2)).toBe('0.00');
    expect(minorToDecimal(-4500, 0)).toBe('-4500');
    expect(minorToDecimal(7, 3)).toBe('0.007');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
    expect(() => minorToDecimal(1.5, 2)).toThrow(RangeError);
    expect(() => minorToDecimal(Number.NaN, 2)).toThrow(RangeError);
  });

  it('writes amounts, rates and dates as the locale does', () => {
    const tr = moneyFormat('tr-TR', 'TRY');
    expect(tr.amount(123_456_789)).toBe('₺1.234.567,89');
    expect(tr.amount(-200_000)).toBe('-₺2.000,00');
    expect(tr.percent(20)).toBe('%20');
    expect(tr.percent(7.5)).toBe('%7,5');
    expect(tr.quantity(1.5)).toBe('1,5');
    expect(tr.date('2026-02-15')).toBe('15 Şubat 2026');
    const en = moneyFormat('en-GB', 'EUR');
    expect(en.amount(123_456_789)).toBe('€1,234,567.89');
    expect(en.percent(8.25)).toBe('8.25%');
    expect(en.date('2026-08-01')).toBe('1 August 2026');
    expect(() => en.date('2026-02-30')).toThrow(RangeError);
    expect(() => moneyFormat('en-GB', 'EURO')).toThrow(RangeError);
  });
});
