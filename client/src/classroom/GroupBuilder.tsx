// Forming a round's groups: at random (pairs or threes, the machine or a learner as the caller),
// by hand (a group and a role per learner), or by rotating the roles of the last round; then
// every call launched at once, in the group session's help mode (the single session form's
// picker). The machine as the caller and the help mode are the class's settings, kept by the
// server: the page shows them again on a reload. The groups shown start from the last round's
// (`ClassCall.members` with their roles), as they were once it was launched: a reload during a
// round shows its groups, never every learner as an observer. The table keeps each learner's row
// where it was when roles change (by hand or rotated); only a group's change moves a row.
import { useId, useState, type FormEvent } from 'react';
import type { ClassCall, ClassLearner, ClassRole, ClassSettings, ScenarioSummary } from '@ecoute/protocol';
import { HintModePicker } from '../home/HintModePicker.js';
import { useI18n } from '../i18n/index.js';
import { groupsOf, inOrderOf, randomGroups, rotateRoles, type GroupRow } from './groups.js';
import { CardTable } from '../ui/CardTable.js';
import { useScenarioLang } from '../i18n/useScenarioLang.js';

const ROLES: ClassRole[] = ['listener', 'callerActor', 'observer'];

/** The last round's groups, as rows. */
function lastRound(calls: readonly ClassCall[]): GroupRow[] {
  const round = calls.reduce((max, c) => Math.max(max, c.round), 0);
  return calls
    .filter((c) => c.round === round)
    .flatMap((c) => c.members.map((m) => ({ learnerId: m.learnerId, group: c.group, role: m.role })));
}

export function GroupBuilder({
  learners,
  calls,
  scenarios,
  settings,
  onSettings,
  launch,
}: {
  learners: readonly ClassLearner[];
  calls: readonly ClassCall[];
  scenarios: readonly ScenarioSummary[];
  /** The class's settings as shown; `onSettings` with the trainer's change (to keep). */
  settings: ClassSettings;
  onSettings: (next: ClassSettings) => void;
  /** Whether the round was launched (in the help mode of `settings`). */
  launch: (scenarioId: string, rows: GroupRow[]) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const scenarioLang = useScenarioLang();
  const [size, setSize] = useState<2 | 3>(2);
  const machine = settings.machineCaller;
  // The last round's groups (none before the first): what the builder held once it launched them.
  const [rows, setRowsState] = useState<GroupRow[]>(() => lastRound(calls));
  // Once a round is launched, nothing is left to correct until the groups are changed again
  // (learners leaving or joining a call must not raise a stale `class/groups_invalid` alert).
  const [launched, setLaunched] = useState(() => calls.length > 0);
  const setRows = (next: GroupRow[]) => {
    setLaunched(false);
    setRowsState(next);
  };
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? '');
  const ids = learners.map((l) => l.learnerId);
  const noLearnerId = useId();
  // Learners who joined after the groups were made are listed too (as observers of group 1).
  const shown: GroupRow[] = [
    ...rows.filter((r) => ids.includes(r.learnerId)),
    ...ids
      .filter((id) => !rows.some((r) => r.learnerId === id))
      .map((learnerId) => ({ learnerId, group: 1, role: 'observer' as const })),
  ];
  const valid = groupsOf(shown) !== null;
  // By group; within a group, as the rows are held (a row does not move when its role changes).
  const table = [...shown].sort((a, b) => a.group - b.group);
  const groupCount = Math.max(1, Math.ceil(learners.length / 2));
  const nameOf = (id: string) => learners.find((l) => l.learnerId === id)?.pseudonym ?? '';
  const change = (learnerId: string, patch: Partial<GroupRow>) =>
    setRows(shown.map((r) => (r.learnerId === learnerId ? { ...r, ...patch } : r)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (valid && (scenarioId || scenarios[0])) {
      const ok = await launch(scenarioId || scenarios[0]!.id, shown);
      if (ok) {
        setRowsState(shown);
        setLaunched(true);
      }
    }
  };
  return (
    <form className="group-builder" onSubmit={(e) => void submit(e)}>
      <fieldset className="group-builder__forming">
        <legend>{t('classroom.groups.legend')}</legend>
        <label>
          {t('classroom.groups.size')}
          <select value={size} onChange={(e) => setSize(Number(e.target.value) === 3 ? 3 : 2)}>
            <option value={2}>{t('classroom.groups.pairs')}</option>
            <option value={3}>{t('classroom.groups.threes')}</option>
          </select>
        </label>
        <label className="classroom-check">
          <input
            type="checkbox"
            checked={machine}
            onChange={(e) => onSettings({ ...settings, machineCaller: e.target.checked })}
          />
          {t('classroom.groups.machine')}
        </label>
        {/* Nobody has joined yet: nothing to form (the button did nothing, silently). */}
        <button
          type="button"
          disabled={ids.length === 0}
          aria-describedby={ids.length === 0 ? noLearnerId : undefined}
          onClick={() => setRows(randomGroups(ids, size, machine))}
        >
          {t('classroom.groups.random')}
        </button>
        <button
          type="button"
          disabled={calls.length === 0}
          onClick={() =>
            setRows(
              inOrderOf(
                rotateRoles(lastRound(calls)),
                table.map((r) => r.learnerId),
              ),
            )
          }
        >
          {t('classroom.groups.rotate')}
        </button>
        {ids.length === 0 ? (
          <p id={noLearnerId} className="hint">
            {t('classroom.groups.noLearner')}
          </p>
        ) : null}
      </fieldset>
      <CardTable
        className="group-table"
        bareLabels
        columns={[
          { name: t('classroom.groups.col.learner'), rowHeader: true, cell: (row) => nameOf(row.learnerId) },
          {
            name: t('classroom.groups.col.group'),
            cell: (row) => (
              <select
                aria-label={t('classroom.groups.groupOf', { name: nameOf(row.learnerId) })}
                value={row.group}
                onChange={(e) => change(row.learnerId, { group: Number(e.target.value) })}
              >
                {Array.from({ length: groupCount }, (_, i) => (
                  <option key={i + 1} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>
            ),
          },
          {
            name: t('classroom.groups.col.role'),
            cell: (row) => (
              <select
                aria-label={t('classroom.groups.roleOf', { name: nameOf(row.learnerId) })}
                value={row.role}
                onChange={(e) => change(row.learnerId, { role: e.target.value as ClassRole })}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`classroom.role.${role}`)}
                  </option>
                ))}
              </select>
            ),
          },
        ]}
        rows={table}
        rowKey={(row) => row.learnerId}
      />
      {!valid && !launched && learners.length > 0 && <p role="alert">{t('classroom.groups.invalid')}</p>}
      <label>
        {t('classroom.launch.scenario')}
        <select value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id} lang={scenarioLang}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <HintModePicker
        speechExamples={scenarios.find((s) => s.id === (scenarioId || scenarios[0]?.id))?.speechExamples}
        mode={settings.hintMode}
        onMode={(hintMode) => onSettings({ ...settings, hintMode })}
        askTrainer={settings.askTrainer}
        onAskTrainer={(askTrainer) => onSettings({ ...settings, askTrainer })}
      />
      <button type="submit" disabled={!valid}>
        {t('classroom.launch.submit')}
      </button>
    </form>
  );
}
