// One autocannon measurement: a warm-up whose figures are thrown away, then the measured run.
import autocannon from 'autocannon';

/**
 * `paths()` gives the path of each next request (so that ids and names vary), `body()` (writes) its
 * JSON body; every request must answer 2xx, or the figures would describe error pages.
 */
export async function measure({ origin, paths, method = 'GET', body, headers = {}, connections, seconds, warmupSeconds }) {
  const options = (duration) => ({
    url: origin,
    connections,
    duration,
    headers,
    requests: [{ method, setupRequest: (request) => ({ ...request, path: paths(), ...(body ? { body: JSON.stringify(body()) } : {}) }) }],
  });
  if (warmupSeconds > 0) await autocannon(options(warmupSeconds));
  const result = await autocannon(options(seconds));
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    failed,
    statusCodes: result.statusCodeStats,
  };
}
