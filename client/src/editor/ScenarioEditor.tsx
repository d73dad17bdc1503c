// The YAML text, the source of truth: CodeMirror 6 with YAML, JSON-Schema completion and hover
// help (codemirror-json-schema, over the engine's own schema), and the engine's lint from the
// worker — the schema's validation included — shown at its line and column while typing.
import { useEffect, useId, useRef } from 'react';
import { autocompletion, closeBrackets, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type ChangeSet, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { scenarioJsonSchema, stateAt } from '@ecoute/engine';
import { changeList, type LintAnswer, type LintInput } from './lintProtocol.js';
import type { LintClient } from './useLintWorker.js';
import { engineWords, useI18n } from '../i18n/index.js';
import { schemaHoverTexts } from './schemaHoverTexts.js';

/** How long the editor waits after a keystroke before asking the worker (ms). */
export const LINT_DELAY_MS = 40;

/**
 * How long typing must pause before the page reads the new text (ms): the forms, the graph's
 * edits and the coverage read it whole (a parse of the call), which must not run per keystroke.
 */
export const TEXT_IDLE_MS = 250;

/**
 * Above this size, the schema's completion opens on request only (Ctrl+Espace), not while typing:
 * codemirror-json-schema parses the whole text and walks its syntax tree on the page's thread at
 * each query — seconds per keystroke on a library-size call, before the diagnostics could show.
 */
export const LIVE_COMPLETION_MAX_CHARS = 20_000;
const schemaCompletion = yamlCompletion();
const completeFromSchema = (context: CompletionContext) =>
  context.explicit || context.state.doc.length <= LIVE_COMPLETION_MAX_CHARS
    ? schemaCompletion(context)
    : null;

export interface EditorTimings {
  /**
   * Keystroke → diagnostics shown, the worker's share, and the keystroke → request to the worker
   * (the lint delay, plus whatever held the page's thread), per lint (ms).
   */
  samples: { total: number; worker: number; asked: number }[];
}

declare global {
  interface Window {
    /** Read by the keystroke benchmark (test/bench/studio-keystroke.ts). */
    __ecouteLintTimings?: EditorTimings;
    /** A form's edit until the next frame, ms (the same benchmark). */
    __ecouteEditTimings?: { samples: number[] };
  }
}

export function ScenarioEditor({
  initialText,
  lint,
  label,
  onText,
  onLint,
  onCursorState,
  onView,
  readOnly = false,
}: {
  initialText: string;
  lint: LintClient;
  label: string;
  onText(text: string): void;
  onLint(answer: LintAnswer): void;
  onCursorState(state: string | undefined): void;
  onView(view: EditorView | null): void;
  /** A call the reader may not change (a built-in, or any call for a trainer): read, not typed in. */
  readOnly?: boolean;
}) {
  const { t, lang } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  // Tab indents in the editor (`indentWithTab`): how to leave it from the keyboard is said under
  // it and read with it (WCAG 2.1.2: CodeMirror's Escape then Tab, shown, not guessed).
  const keysId = useId();
  const callbacks = useRef({ onText, onLint, onCursorState });
  callbacks.current = { onText, onLint, onCursorState };
  // The lint's messages in the page's language (read at each lint: the editor is made once).
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    if (!host.current) return;
    let ranges: LintAnswer['ranges'] = [];
    let typedAt = performance.now();
    let textTimer: ReturnType<typeof setTimeout> | undefined;
    /** The text the worker was last sent, and the changes made since. */
    let sent: Text | null = null;
    let unsent: ChangeSet | null = null;
    const publishText = () => callbacks.current.onText(view.state.doc.toString());
    const timings: EditorTimings = (window.__ecouteLintTimings ??= { samples: [] });
    const engineLint = linter(
      async (view): Promise<Diagnostic[]> => {
        // The worker has the text it was last sent: from then on, only the changes go.
        const asked = performance.now() - typedAt;
        const doc = view.state.doc;
        const input: LintInput = sent ? { changes: changeList(unsent) } : { text: doc.toString() };
        sent = doc;
        unsent = null;
        const answer = await lint.lint(input);
        ranges = answer.ranges;
        callbacks.current.onLint(answer);
        const diagnostics = answer.issues.map((issue): Diagnostic => {
          const line = doc.line(Math.min(Math.max(issue.line ?? 1, 1), doc.lines));
          const from = Math.min(line.from + Math.max((issue.column ?? 1) - 1, 0), line.to);
          return {
            from,
            to: Math.max(from, line.to),
            severity: issue.severity,
            source: issue.code,
            message: engineWords(langRef.current, issue.text, issue.message),
          };
        });
        timings.samples.push({ total: performance.now() - typedAt, worker: answer.ms, asked });
        return diagnostics;
      },
      { delay: LINT_DELAY_MS },
    );
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          highlightActiveLine(),
          history(),
          closeBrackets(),
          autocompletion(),
          syntaxHighlighting(defaultHighlightStyle),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          // JSON-Schema completion and hover help on the main thread; validation against the same
          // schema is the engine's lint in the worker (one pass, its clearer messages), not a
          // second YAML parse per keystroke here.
          yaml(),
          yamlLanguage.data.of({ autocomplete: completeFromSchema }),
          hoverTooltip(yamlSchemaHover({ getHoverTexts: schemaHoverTexts(t) })),
          stateExtensions(scenarioJsonSchema() as Parameters<typeof stateExtensions>[0]),
          engineLint,
          lintGutter(),
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({
            'aria-label': label,
            // Read-only, Tab leaves the text as anywhere else: no keys to explain.
            ...(readOnly ? { 'aria-readonly': 'true' } : { 'aria-describedby': keysId }),
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              typedAt = performance.now();
              if (sent) unsent = unsent ? unsent.compose(update.changes) : update.changes;
              // The page reads the text once typing pauses, never per keystroke.
              clearTimeout(textTimer);
              textTimer = setTimeout(publishText, TEXT_IDLE_MS);
            }
            if (update.selectionSet || update.docChanged)
              callbacks.current.onCursorState(stateAt(ranges, update.state.selection.main.head));
          }),
        ],
      }),
    });
    // Its scroll area is reachable from the keyboard too (axe: scrollable-region-focusable).
    view.scrollDOM.tabIndex = 0;
    view.scrollDOM.setAttribute('aria-label', label);
    onView(view);
    return () => {
      clearTimeout(textTimer);
      onView(null);
      view.destroy();
    };
    // The editor is made once per text loaded; later texts come from the editor itself.
  }, [initialText, lint, label, onView, t, keysId, readOnly]);

  return (
    <>
      <div ref={host} className="scenario-editor" />
      {readOnly ? null : (
        <p id={keysId} className="hint">
          {t('studio.editor.keys')}
        </p>
      )}
    </>
  );
}
