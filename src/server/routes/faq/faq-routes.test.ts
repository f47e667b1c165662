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

    it('rejects a bad limit naming the field, and anonymous callers', async () => {
      const client = await get().signIn('reception');
      const bad = await client.inject({ method: 'GET', url: '/api/faq?limit=0' });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('limit');
      expect((await get().app.inject({ method: 'GET', url: '/api/faq' })).statusCode).toBe(401);
    });
  });
});
