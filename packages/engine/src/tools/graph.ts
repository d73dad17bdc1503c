// `scenario graph`: the state graph of a scenario as Mermaid (stateDiagram-v2) or Graphviz DOT.
// Nested and parallel states become composite states / clusters; edges carry what triggers them
// (the move or inject label, `say`, `hangup`, a delay, `always`) and their guard, in French
// (`transitionText` gives them as a message, which the studio words in its page's language).
// Transitions without a target (a reaction that stays in the state) are drawn as loops.
import { frenchText, msg, type EngineMessage } from '../messages.js';
import { conditionText, describeCondition } from '../scenario/availability.js';
import { collectStates, type StateInfo } from '../scenario/references.js';
import type { Scenario } from '../scenario/schema.js';
import { listTransitions, type TransitionInfo } from '../scenario/transitions.js';

export type GraphFormat = 'mermaid' | 'dot';

export interface GraphOptions {
  /** Draw targetless transitions as loops (default true). */
  loops?: boolean;
}

/** What triggers a transition, and its guard, as a message (the studio words it in its language). */
export function transitionText(scenario: Scenario, t: TransitionInfo): EngineMessage {
  let trigger: EngineMessage;
  const delay = t.delay ?? 0;
  if (t.kind === 'after')
    trigger =
      delay % 1000 === 0
        ? msg('graph.after.seconds', { seconds: delay / 1000 })
        : msg('graph.after.ms', { ms: delay });
  else if (t.kind === 'always') trigger = msg('graph.always');
  else if (t.event === 'say') trigger = msg('graph.say');
  else if (t.event === 'acted') trigger = msg('graph.acted');
  else if (t.event === 'hangup') trigger = msg('graph.hangup');
  else if (t.event && t.event in scenario.moves)
    trigger = msg('graph.move', { label: scenario.moves[t.event]!.label });
  else if (t.event && t.event in scenario.injects)
    trigger = msg('graph.inject', { label: scenario.injects[t.event]!.label });
  else trigger = msg('graph.event', { event: t.event ?? '?' });
  return t.guard
    ? msg('graph.guarded', { trigger, guard: conditionText(describeCondition(t.guard, scenario)) })
    : trigger;
}

/** The label of a transition's trigger and guard, in French (the CLI's Mermaid and DOT). */
export function transitionLabel(scenario: Scenario, t: TransitionInfo): string {
  return frenchText(transitionText(scenario, t));
}

export function scenarioGraph(scenario: Scenario, format: GraphFormat, options: GraphOptions = {}): string {
  const states = collectStates(scenario.machine);
  const transitions = listTransitions(scenario, states);
  return format === 'dot'
    ? toDot(scenario, states, transitions, options)
    : toMermaid(scenario, states, transitions, options);
}

const children = (states: Map<string, StateInfo>, key: string): string[] =>
  Object.keys(states.get(key)?.node.states ?? {}).map((c) => (key ? `${key}.${c}` : c));

// ---------------------------------------------------------------------------------------------

function toMermaid(
  scenario: Scenario,
  states: Map<string, StateInfo>,
  transitions: TransitionInfo[],
  options: GraphOptions,
): string {
  const id = (key: string) => (key === '' ? 'racine' : key.replace(/\./g, '__'));
  const text = (s: string) =>
    s.replace(/"/g, "'").replace(/:/g, '#58;').replace(/;/g, '#59;').replace(/\n/g, ' ');
  const out = ['stateDiagram-v2', '  direction LR'];
  const emit = (key: string, indent: string): void => {
    const node = states.get(key)!.node;
    const kids = children(states, key);
    if (key !== '') {
      const name = key.split('.').pop()!;
      if (kids.length === 0) {
        out.push(`${indent}state "${text(name)}" as ${id(key)}`);
        if (node.type === 'final') out.push(`${indent}${id(key)} --> [*]`);
        return;
      }
      out.push(
        `${indent}state "${text(name)}${node.type === 'parallel' ? ' (parallèle)' : ''}" as ${id(key)} {`,
      );
    }
    const inner = key === '' ? indent : `${indent}  `;
    if (node.type === 'parallel') {
      kids.forEach((kid, i) => {
        if (i > 0) out.push(`${inner}--`);
        emit(kid, inner);
      });
    } else {
      if (node.initial) out.push(`${inner}[*] --> ${id(key ? `${key}.${node.initial}` : node.initial)}`);
      for (const kid of kids) emit(kid, inner);
    }
    if (key !== '') out.push(`${indent}}`);
  };
  emit('', '  ');
  const fromRoot = transitions.filter(
    (t) => t.source === '' && (t.targets.length > 0 || options.loops !== false),
  );
  if (fromRoot.length > 0) out.push('  state "depuis tout état" as racine');
  for (const t of transitions) {
    const label = text(transitionLabel(scenario, t));
    const targets = t.targets.length > 0 ? t.targets : options.loops === false ? [] : [t.source];
    for (const target of targets) {
      out.push(`  ${id(t.source)} --> ${id(target)} : ${label}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

function toDot(
  scenario: Scenario,
  states: Map<string, StateInfo>,
  transitions: TransitionInfo[],
  options: GraphOptions,
): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
  const isCompound = (key: string) => key === '' || children(states, key).length > 0;
  const cluster = (key: string) => q(`cluster_${key || 'racine'}`);
  // A compound state is reached through a point inside its cluster.
  const anchor = (key: string) => q(isCompound(key) ? `${key || 'racine'}#` : key);
  const out = [
    `digraph ${q(scenario.machine.id)} {`,
    '  compound=true;',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="sans-serif"];',
    '  edge [fontname="sans-serif", fontsize=10];',
    `  label=${q(scenario.title)};`,
  ];
  const emit = (key: string, indent: string): void => {
    const node = states.get(key)!.node;
    const name = key.split('.').pop() || scenario.machine.id;
    if (!isCompound(key)) {
      out.push(
        `${indent}${q(key)} [label=${q(name)}${node.type === 'final' ? ', shape=doublecircle' : ''}];`,
      );
      return;
    }
    out.push(`${indent}subgraph ${cluster(key)} {`);
    out.push(`${indent}  label=${q(node.type === 'parallel' ? `${name} (parallèle)` : name)};`);
    if (node.type === 'parallel') out.push(`${indent}  style=dashed;`);
    out.push(`${indent}  ${anchor(key)} [shape=point, width=0.08];`);
    const initial = node.initial ? (key ? `${key}.${node.initial}` : node.initial) : undefined;
    if (initial)
      out.push(
        `${indent}  ${anchor(key)} -> ${anchor(initial)}${isCompound(initial) ? ` [lhead=${cluster(initial)}]` : ''};`,
      );
    if (node.type === 'parallel')
      for (const kid of children(states, key))
        out.push(`${indent}  ${anchor(key)} -> ${anchor(kid)} [style=dashed, lhead=${cluster(kid)}];`);
    for (const kid of children(states, key)) emit(kid, `${indent}  `);
    out.push(`${indent}}`);
  };
  emit('', '  ');
  for (const t of transitions) {
    const label = transitionLabel(scenario, t);
    const targets = t.targets.length > 0 ? t.targets : options.loops === false ? [] : [t.source];
    for (const target of targets) {
      const attrs = [`label=${q(label)}`];
      if (isCompound(t.source)) attrs.push(`ltail=${cluster(t.source)}`);
      if (isCompound(target) && target !== t.source) attrs.push(`lhead=${cluster(target)}`);
      if (t.kind === 'after') attrs.push('style=dashed');
      if (t.targets.length === 0) attrs.push('color=gray50');
      out.push(`  ${anchor(t.source)} -> ${anchor(target)} [${attrs.join(', ')}];`);
    }
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
