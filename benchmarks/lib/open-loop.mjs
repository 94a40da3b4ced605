// Open-loop load shared by the load generators: `once(i)` is started at its scheduled time (RATE per second for
// SECONDS), whether or not earlier requests have answered, so that a slow server cannot hide its queueing; `onDone` gets
// each outcome with the milliseconds since its scheduled time. Resolves with the elapsed seconds once all have ended.
export async function openLoop(rate, seconds, once, onDone) {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(i).then((outcome) => onDone(outcome, performance.now() - scheduled)));
  }
  await Promise.all(pending);
  return (performance.now() - start) / 1000;
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
