// The state graph with its arrows' labels in the page's language: the engine gives each edge its
// trigger and guard as a message (`text`), the catalogue the words; an edge without one keeps its
// French `label`. Every drawing and list of the graph reads its labels from here.
import type { ScenarioGraph } from '@ecoute/engine';
import { engineWords, type Lang } from '../i18n/index.js';

export function graphInLang(graph: ScenarioGraph, lang: Lang): ScenarioGraph {
  if (!graph.edges.some((edge) => edge.text)) return graph;
  return {
    ...graph,
    edges: graph.edges.map((edge) => ({ ...edge, label: engineWords(lang, edge.text, edge.label) })),
  };
}
