// The server time of each request, read from Fastify's request log (pino JSON lines at level info):
// "incoming request" names the URL, "request completed" gives `responseTime`, the ms from the
// request's arrival until its response was handed to the socket, both under the same `reqId`.
// Feed it a child's standard output (startChild's `onOutput`); lines may arrive split across chunks.

export function requestLog() {
  let pending = '';
  const urls = new Map();
  const completed = [];
  const line = (text) => {
    if (!text.startsWith('{')) return;
    let entry;
    try {
      entry = JSON.parse(text);
    } catch {
      return;
    }
    if (entry.reqId === undefined) return;
    if (entry.msg === 'incoming request' && entry.req?.url) urls.set(entry.reqId, entry.req.url);
    else if (entry.msg === 'request completed' && typeof entry.responseTime === 'number') {
      completed.push({ url: urls.get(entry.reqId), ms: entry.responseTime, status: entry.res?.statusCode });
      urls.delete(entry.reqId);
    }
  };
  return {
    /** For startChild's `onOutput`. */
    feed(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const text of lines) line(text);
    },
    /** How many requests have completed so far (a mark to read the next ones from). */
    mark: () => completed.length,
    /**
     * The server times (ms) of the last `count` requests whose URL starts with `prefix`, completed
     * after `mark`, once the log has been quiet for `quietMs` (its lines may trail the responses by a
     * moment, so the last ones are only known to be the last once no more come).
     */
    async last(mark, prefix, count, { quietMs = 200, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      let seen = -1;
      let quietSince = Date.now();
      for (;;) {
        const found = completed.slice(mark).filter((r) => r.url?.startsWith(prefix));
        if (completed.length !== seen) [seen, quietSince] = [completed.length, Date.now()];
        if (found.length >= count && Date.now() - quietSince >= quietMs) return found.slice(-count).map((r) => r.ms);
        if (Date.now() > deadline)
          throw new Error(`the request log shows ${found.length} of ${count} requests to ${prefix}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
