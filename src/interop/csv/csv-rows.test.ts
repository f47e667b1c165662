import { describe, expect, it } from 'vitest';
import { collectText, parseCsv } from '../test-support/parse-csv.js';
import { csvLines } from './csv-rows.js';

const columns = [
  { header: 'name', value: (r: { name: string; n: number | null; ok: boolean }) => r.name },
  { header: 'n', value: (r: { n: number | null }) => r.n },
  { header: 'ok', value: (r: { ok: boolean }) => r.ok },
];

describe('csvLines', () => {
  it('writes a header and one line per row that parse back, Turkish, quotes and line breaks included', async () => {
    const rows = [
      { name: 'Ayşe "İğne" Yılmaz', n: 3, ok: true },
      { name: 'two\nlines, and a comma', n: null, ok: false },
    ];
    const text = await collectText(csvLines(columns, rows));
    expect(text.startsWith('\uFEFFname,n,ok\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['name', 'n', 'ok'],
      ['Ayşe "İğne" Yılmaz', '3', 'yes'],
      ['two\nlines, and a comma', '', 'no'],
    ]);
  });

  it('defuses spreadsheet formulas in text cells', async () => {
    const text = await collectText(
      csvLines(columns, [{ name: '=HYPERLINK("http://evil.example")', n: -1, ok: true }], { bom: false }),
    );
    expect(parseCsv(text)[1]).toEqual(['\'=HYPERLINK("http://evil.example")', '-1', 'yes']);
  });

  it('pulls rows only as lines are read', async () => {
    let pulled = 0;
    function* rows() {
      for (let i = 0; i < 1_000_000; i++) {
        pulled++;
        yield { name: `r${i}`, n: i, ok: true };
      }
    }
    const lines = csvLines(columns, rows());
    await lines.next();
    await lines.next();
    await lines.next();
    expect(pulled).toBe(2);
    await lines.return(undefined);
  });
});
