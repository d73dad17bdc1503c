// The scenarios a group debrief may compare: those the class's calls played (a scenario of the
// class never launched has no call to compare).
import type { ClassCall } from '@ecoute/protocol';

/** The scenarios the class's calls played, each once: the last launched first. */
export function playedScenarios(calls: readonly ClassCall[]): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const call of [...calls].sort((a, b) => b.round - a.round))
    if (!seen.has(call.scenarioId)) seen.set(call.scenarioId, call.scenarioTitle);
  return [...seen].map(([id, title]) => ({ id, title }));
}
