// How long a page's main thread worked in a Chromium trace (Lighthouse's), by the clock and by its CPU.
// Lighthouse's simulated metrics start from the clock times of the trace's tasks; on a shared machine a
// task waits for a core and its clock time grows while its CPU time does not. The two side by side say
// how much of a score is the page's own work.

/** The renderer main thread that ran the most task time: the page's (about:blank has its own). */
function pageMainThread(events) {
  const time = new Map();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    time.set(key, (time.get(key) ?? 0) + e.dur);
  }
  const [busiest] = [...time].sort((a, b) => b[1] - a[1]);
  if (!busiest) throw new Error('the trace holds no tasks');
  const [pid, tid] = busiest[0].split(':').map(Number);
  return { pid, tid };
}

/**
 * The main thread's tasks in a trace: total clock and CPU time (ms), the longest task by each, and
 * the blocking time by each (the part of every task beyond 50 ms, as total blocking time counts it,
 * here over the whole trace).
 */
export function mainThreadTime(trace) {
  const { pid, tid } = pageMainThread(trace.traceEvents);
  const tasks = trace.traceEvents.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur,
  );
  const sum = (f) => tasks.reduce((total, e) => total + f(e), 0);
  const clock = (e) => e.dur / 1000;
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  return {
    clockMs: sum(clock),
    cpuMs: sum(cpu),
    longestClockMs: Math.max(0, ...tasks.map(clock)),
    longestCpuMs: Math.max(0, ...tasks.map(cpu)),
    blockingClockMs: sum((e) => Math.max(0, clock(e) - 50)),
    blockingCpuMs: sum((e) => Math.max(0, cpu(e) - 50)),
  };
}
