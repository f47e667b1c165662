import { describe, expect, it } from 'vitest';
import { interpretQuery } from './search-query';

describe('interpretQuery', () => {
  it('reads dates as birth dates, ISO or day first', () => {
    expect(interpretQuery('1990-04-12')).toEqual({ birthDate: '1990-04-12' });
    expect(interpretQuery('12.04.1990')).toEqual({ birthDate: '1990-04-12' });
    expect(interpretQuery('2/4/1990')).toEqual({ birthDate: '1990-04-02' });
  });

  it('reads mostly digits as a phone number, anything else as a name', () => {
    expect(interpretQuery('+49 30 555')).toEqual({ phone: '+49 30 555' });
    expect(interpretQuery(' Yılmaz ')).toEqual({ name: 'Yılmaz' });
    expect(interpretQuery('12')).toEqual({ name: '12' });
    expect(interpretQuery('   ')).toBeNull();
  });
});
