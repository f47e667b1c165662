import { describe, expect, it } from 'vitest';
import { forEachApp } from '../../../test-support/test-app.js';

forEachApp('FAQ routes', (get) => {
  describe('GET /api/faq', () => {
    it('lists every entry with its sources', async () => {
      const client = await get().signIn('patient');
      const res = await client.inject({ method: 'GET', url: '/api/faq' });
      expect(res.statusCode).toBe(200);
      const { entries } = res.json() as { entries: { id: string; sources: string[] }[] };
      expect(entries.length).toBe(get().app.knowledgeBase.data.faq.faq.length);
      expect(entries.every((e) => e.sources.length > 0)).toBe(true);
    });

    it('answers a question with the best match first', async () => {
      const client = await get().signIn('patient');
      const res = await client.inject({ method: 'GET', url: '/api/faq?q=is%20it%20painful&limit=2' });
      const { entries } = res.json() as { entries: { question: string }[] };
      expect(entries).toHaveLength(2);
      expect(entries[0]!.question).toBe('Does mesotherapy hurt?');
    });

    it('answers in the language asked for: a Turkish question finds the Turkish entry', async () => {
      const client = await get().signIn('patient');
      const search = async (query: Record<string, string>) =>
        (
          (await client.inject({ method: 'GET', url: '/api/faq', query })).json() as {
            entries: { id: string; question: string }[];
          }
        ).entries;
      const turkish = await search({ q: 'acıtır mı', language: 'tr' });
      expect(turkish[0]).toEqual(
        expect.objectContaining({ id: 'is_mesotherapy_painful', question: 'Mezoterapi acıtır mı?' }),
      );
      expect((await search({ q: 'ACITIR MI', language: 'tr' }))[0]?.id).toBe('is_mesotherapy_painful');
      // Without a language the FAQ is English, as before.
      expect((await search({ q: 'is it painful' }))[0]?.question).toBe('Does mesotherapy hurt?');
      const all = await search({ language: 'tr' });
      expect(all).toHaveLength(get().app.knowledgeBase.data.faq.faq.length);
      expect(all.map((e) => e.question)).toContain('Mezoterapi nedir?');
    });

    it('rejects a bad limit naming the field, and anonymous callers', async () => {
      const client = await get().signIn('reception');
      const bad = await client.inject({ method: 'GET', url: '/api/faq?limit=0' });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('limit');
      const language = await client.inject({ method: 'GET', url: '/api/faq?q=hello&language=de' });
      expect(language.statusCode).toBe(400);
      expect(JSON.stringify(language.json())).toContain('language');
      expect((await get().app.inject({ method: 'GET', url: '/api/faq' })).statusCode).toBe(401);
    });
  });
});
