// Session time of a server started with `ECOUTE_TEST_CLOCK=manual`: it stands still until the test
// moves it, so a test drives the scenario's timers rather than racing them (a busy machine then
// changes nothing but how long the test takes).
export const MANUAL_CLOCK = { ECOUTE_TEST_CLOCK: 'manual' } as const;

/** Moves every session's time on by `ms` (each timer due by then fires at its own due time). */
export async function advanceClock(serverUrl: string, ms: number): Promise<number> {
  const response = await fetch(`${serverUrl}/api/test/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  if (response.status !== 200)
    throw new Error(`POST /api/test/clock/advance: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { now: number }).now;
}
