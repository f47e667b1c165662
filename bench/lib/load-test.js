// One autocannon measurement: a warm-up whose figures are thrown away, then the measured run.
import { existsSync } from 'node:fs';
import autocannon from 'autocannon';
import { cpuMs } from './child-process.js';

/**
 * `paths()` gives the path of each next request (so that ids and names vary), `body()` (writes) its
 * JSON body; every request must answer 2xx, or the figures would describe error pages.
 * `pid`, when given, is the server's process: its CPU time per request over the measured run is
 * reported too (Linux only; clock ticks of 10 ms, so meaningful over runs of seconds).
 */
export async function measure({
  origin,
  paths,
  method = 'GET',
  body,
  headers = {},
  connections,
  seconds,
  warmupSeconds,
  pid,
}) {
  const options = (duration) => ({
    url: origin,
    connections,
    duration,
    headers,
    requests: [
      {
        method,
        setupRequest: (request) => ({ ...request, path: paths(), ...(body ? { body: JSON.stringify(body()) } : {}) }),
      },
    ],
  });
  if (warmupSeconds > 0) await autocannon(options(warmupSeconds));
  const cpu = pid !== undefined && existsSync(`/proc/${pid}/stat`) ? () => cpuMs(pid) : undefined;
  const cpuBefore = cpu?.();
  const result = await autocannon(options(seconds));
  const cpuAfter = cpu?.();
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    serverCpuMicrosPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
        ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total
        : undefined,
    // Response bytes (headers included) per request.
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
    failed,
    statusCodes: result.statusCodeStats,
  };
}
