// An open-loop load generator: request i is due at start + i / rate, whether or not earlier ones
// have been answered, as a clinic's users do not wait for each other. Latency runs from the due time,
// not from when the request left: a server (or a generator) that falls behind shows it as latency
// instead of sending less (no coordinated omission). Node's http client with a bounded keep-alive
// pool; a request finding every connection busy waits in the pool, on the clock.
import http from 'node:http';

/**
 * Sends `rate` requests a second for `seconds` to `origin`; `next(i)` gives request i as
 * { kind, method, path, headers, body }. Resolves, once every request is answered or timed out, to
 * one record per request ({ kind, status, ms, error }) and the generator's own lag (how late, at
 * most, a request left after its due time).
 */
export async function openLoop({ origin, rate, seconds, next, connections = 256, timeoutMs = 10_000, onBody }) {
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const total = Math.round(rate * seconds);
  const records = new Array(total);
  const start = performance.now() + 20;
  let sent = 0;
  let maxLag = 0;
  let pending = total;
  let resolveAll;
  const allDone = new Promise((resolve) => {
    resolveAll = resolve;
  });
  const finish = (i, record) => {
    if (records[i]) return;
    records[i] = record;
    pending -= 1;
    if (pending === 0) resolveAll();
  };
  const send = (i, due) => {
    const { kind, method = 'GET', path, headers = {}, body } = next(i);
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks = onBody ? [] : undefined;
        response.on('data', (chunk) => chunks?.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          if (chunks) onBody(kind, response.statusCode, Buffer.concat(chunks).toString());
          finish(i, { kind, status: response.statusCode, ms: performance.now() - due });
        });
        response.on('error', (error) => finish(i, { kind, status: 0, ms: performance.now() - due, error: error.code }));
      },
    );
    const timer = setTimeout(
      () => {
        finish(i, { kind, status: 0, ms: performance.now() - due, error: 'timeout' });
        request.destroy();
      },
      timeoutMs - (performance.now() - due),
    );
    request.on('error', (error) => {
      clearTimeout(timer);
      finish(i, { kind, status: 0, ms: performance.now() - due, error: error.code ?? error.message });
    });
    request.end(body);
  };
  if (total === 0) return { records: [], maxLagMs: 0 };
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      for (; sent < total; sent++) {
        const due = start + (sent * 1000) / rate;
        if (due > now) break;
        maxLag = Math.max(maxLag, now - due);
        send(sent, due);
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + (sent * 1000) / rate - now)));
      else resolve();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await allDone;
  const elapsedMs = performance.now() - start;
  agent.destroy();
  return { records, maxLagMs: maxLag, elapsedMs };
}

/** The value at quantile q of ascending `sorted`. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Latency quantiles over every request (answered or not: a timeout counts at its timeout), the
 * answered rate, and the failures: `conflicts` are 409s (a booking that lost its slot), `errors`
 * everything else that is not 2xx, by status or error code.
 */
export function summarize({ records, maxLagMs, elapsedMs }, seconds) {
  const sorted = Float64Array.from(records, (r) => r.ms).sort();
  const errors = {};
  let conflicts = 0;
  let ok = 0;
  for (const r of records) {
    if (r.status >= 200 && r.status < 300) ok += 1;
    else if (r.status === 409) conflicts += 1;
    else {
      const key = r.error ?? String(r.status);
      errors[key] = (errors[key] ?? 0) + 1;
    }
  }
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  return {
    requests: records.length,
    offeredRate: records.length / seconds,
    answeredRate: ok / (elapsedMs / 1000),
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    p999: quantile(sorted, 0.999),
    max: sorted[sorted.length - 1] ?? NaN,
    ok,
    conflicts,
    errors,
    errorCount,
    maxLagMs,
  };
}

/** p50 and p99 of each kind of request, for the breakdown under a step. */
export function byKind(records) {
  const groups = Map.groupBy(records, (r) => r.kind);
  return Object.fromEntries(
    [...groups].map(([kind, list]) => {
      const sorted = Float64Array.from(list, (r) => r.ms).sort();
      return [kind, { n: list.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) }];
    }),
  );
}
