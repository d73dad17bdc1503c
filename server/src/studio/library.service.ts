// The call library of an organisation, merged with the built-in files: create (blank, import,
// duplicate; the id made from the title, or from the copied call's, when the author gives none), save a draft (stored whatever lint says: nothing typed is lost), publish (refused
// with the lint errors, or when the draft's text is the version in use's; the version then never
// changes and joins the scenario catalogue, so a session keeps the version it played), retire,
// read a version's text, list, history.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import {
  compileScenario,
  declaredIdentity,
  lintScenario,
  parseScenario,
  withScenarioIdentity,
} from '@ecoute/engine';
import { ErrorCode, failure } from '@ecoute/protocol';
import type {
  Failure,
  LibraryCallDetail,
  LibraryCallSummary,
  LibraryCreateRequest,
  LibraryDraftSaved,
  LibraryIssue,
  LibraryVersionSummary,
  LibraryVersionText,
} from '@ecoute/protocol';
import type { Membership } from '../accounts/member-store.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { blankScenarioYaml } from './blank-template.js';
import { callIdCandidates, copyIdCandidates, copyTitleCandidates, sameTitle } from './call-names.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { LibraryStore } from './library-store.js';
import type { LibraryCallRow, LibraryVersionRow } from './library-store.js';

export type LintRefusal = Failure & { issues: LibraryIssue[] };

export function issuesOf(yaml: string): LibraryIssue[] {
  return lintScenario('scenario.yaml', yaml).issues.map(({ file: _file, ...issue }) => issue);
}

/** The lint codes of a text that is not readable YAML at all (syntax, size, depth, aliases). */
const UNREADABLE = new Set(['scenario/yaml', 'scenario/too_large', 'scenario/too_deep', 'scenario/aliases']);

/**
 * Why an imported file names no call: it is not readable YAML (its errors, located, so that the
 * author can mend the file), or it reads but has no `id`.
 */
function importRefusal(yaml: string): LintRefusal {
  const unreadable = issuesOf(yaml).filter((issue) => UNREADABLE.has(issue.code));
  return unreadable.length > 0
    ? { ...failure(ErrorCode.LibraryImportUnreadable), issues: unreadable }
    : { ...failure(ErrorCode.LibraryImportNoId), issues: [] };
}

@Injectable()
export class LibraryService implements OnModuleInit {
  private readonly logger = new Logger('LibraryService');
  /** The last create asked for: the next one starts once it has finished (`create`). */
  private creating: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(LibraryStore) private readonly store: LibraryStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
  ) {}

  /** The published versions join the catalogue at boot (sessions may be rebuilt from them). */
  async onModuleInit(): Promise<void> {
    const rows = await this.store.publishedVersions();
    for (const row of rows) {
      const parsed = parseScenario(row.yaml);
      if (!parsed.ok) {
        this.logger.error(`library/unreadable ${row.callId}@${row.version}`);
        continue;
      }
      this.catalog.addPublished(compileScenario(parsed.scenario), row.organizationId);
      if (row.status === 'retired') this.catalog.retire(row.callId, row.version);
    }
  }

  async list(member: Membership): Promise<LibraryCallSummary[]> {
    const calls = await this.store.calls(member.organizationId);
    const versions = await this.store.versions(calls.map((c) => c.id));
    const own = calls.map((call) =>
      summaryOf(
        call,
        versions.filter((v) => v.callId === call.id),
      ),
    );
    const builtIn = this.catalog
      .list()
      .map((s): LibraryCallSummary => ({ id: s.id, title: s.title, builtIn: true, published: s.version }));
    return [...own, ...builtIn].sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  }

  async detail(member: Membership, id: string): Promise<LibraryCallDetail | Failure> {
    const builtIn = this.builtIn(id);
    if (builtIn) return builtIn;
    const call = await this.ownCall(member, id);
    if (!call) return failure(ErrorCode.LibraryNotFound);
    const versions = await this.store.versions([id]);
    return {
      ...summaryOf(call, versions),
      versions: versions.map(versionSummaryOf).reverse(),
      history: await this.store.history(id),
    };
  }

  async text(member: Membership, id: string, version: number): Promise<LibraryVersionText | Failure> {
    const builtInText = this.catalog.builtInText(id);
    if (builtInText !== undefined) {
      const current = this.catalog.get(id);
      if (!current || current.scenario.version !== version) return failure(ErrorCode.LibraryNotFound);
      return {
        id,
        version,
        status: 'published',
        builtIn: true,
        yaml: builtInText,
        issues: issuesOf(builtInText),
      };
    }
    if (!(await this.ownCall(member, id))) return failure(ErrorCode.LibraryNotFound);
    const row = await this.store.version(id, version);
    if (!row) return failure(ErrorCode.LibraryNotFound);
    return { id, version, status: row.status, builtIn: false, yaml: row.yaml, issues: issuesOf(row.yaml) };
  }

  /**
   * Creates one after the other in this process: a name is chosen free, then written, and two
   * creates at once (a double click on « Dupliquer ») would otherwise choose the same one.
   */
  create(member: Membership, request: LibraryCreateRequest): Promise<LibraryCallDetail | Failure> {
    const created = this.creating.then(() => this.createNow(member, request));
    this.creating = created.catch(() => undefined);
    return created;
  }

  private async createNow(
    member: Membership,
    request: LibraryCreateRequest,
  ): Promise<LibraryCallDetail | Failure> {
    let id: string;
    let yaml: string;
    let change: 'create' | 'import' | 'duplicate';
    let copyTitle: string | undefined;
    if ('blank' in request) {
      // A trainer gives a title; the id is made from it, the first one no call has yet.
      id = request.id ?? (await this.freeId(callIdCandidates(request.title)));
      yaml = blankScenarioYaml(id, request.title);
      change = 'create';
    } else if ('yaml' in request) {
      const declared = declaredIdentity(request.yaml).id;
      if (!declared) return importRefusal(request.yaml);
      id = declared;
      yaml = request.yaml;
      change = 'import';
    } else {
      const source = await this.sourceText(member, request.duplicate, request.version);
      if (source === undefined) return failure(ErrorCode.LibraryNotFound);
      id = request.id ?? (await this.freeId(copyIdCandidates(request.duplicate)));
      yaml = source;
      change = 'duplicate';
      // Two calls listed under one title could not be told apart: the copy says it is one, after
      // the title (« Copie d'Appel d'entraînement » read oddly; and the list sorts it by its name),
      // numbered from the second on as the library lists them (« (copie) », « (copie 2) »…).
      const from = declaredIdentity(source).title;
      if (from !== undefined) copyTitle = await this.freeCopyTitle(member, from);
    }
    if (await this.idTaken(id)) return failure(ErrorCode.LibraryIdTaken);
    const text = withScenarioIdentity(yaml, id, 1, copyTitle) ?? yaml;
    const title = declaredIdentity(text).title ?? id;
    try {
      await this.store.createCall(
        { id, organizationId: member.organizationId, title },
        text,
        member.name,
        change,
      );
    } catch (error) {
      // Another server process wrote the same id between the check and the write.
      if (isUniqueViolation(error)) return failure(ErrorCode.LibraryIdTaken);
      throw error;
    }
    return this.detail(member, id);
  }

  async saveDraft(member: Membership, id: string, yaml: string): Promise<LibraryDraftSaved | Failure> {
    if (this.builtIn(id)) return failure(ErrorCode.LibraryReadOnly);
    const call = await this.ownCall(member, id);
    if (!call) return failure(ErrorCode.LibraryNotFound);
    const versions = await this.store.versions([id]);
    const next =
      versions.find((v) => v.status === 'draft')?.version ??
      Math.max(0, ...versions.map((v) => v.version)) + 1;
    const text = withScenarioIdentity(yaml, id, next) ?? yaml;
    const version = await this.store.saveDraft(id, text, declaredIdentity(text).title, member.name);
    return { version, issues: issuesOf(text) };
  }

  async publish(member: Membership, id: string): Promise<LibraryVersionSummary | Failure | LintRefusal> {
    if (this.builtIn(id)) return failure(ErrorCode.LibraryReadOnly);
    const call = await this.ownCall(member, id);
    if (!call) return failure(ErrorCode.LibraryNotFound);
    const versions = await this.store.versions([id]);
    const draft = versions.find((v) => v.status === 'draft');
    if (!draft) return failure(ErrorCode.LibraryNoDraft);
    // A new number for the same text would have trainers look for a change that is not there. The
    // draft's text says its own number (`saveDraft` set it): the version in use is compared as if
    // it said the same one. The draft stays as it was.
    const inUse = versions.filter((v) => v.status === 'published').at(-1);
    if (inUse && (withScenarioIdentity(inUse.yaml, id, draft.version) ?? inUse.yaml) === draft.yaml) {
      return failure(ErrorCode.LibraryNoChange);
    }
    const issues = issuesOf(draft.yaml);
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) return { ...failure(ErrorCode.LibraryLintErrors), issues: errors };
    const parsed = parseScenario(draft.yaml);
    if (!parsed.ok) return { ...failure(ErrorCode.LibraryLintErrors), issues: errors };
    const compiled = compileScenario(parsed.scenario);
    await this.store.publish(id, draft.version, draft.yaml, member.name);
    this.catalog.addPublished(compiled, member.organizationId);
    const row = await this.store.version(id, draft.version);
    return versionSummaryOf(row!);
  }

  async retire(member: Membership, id: string, version: number): Promise<LibraryVersionSummary | Failure> {
    if (this.builtIn(id)) return failure(ErrorCode.LibraryReadOnly);
    if (!(await this.ownCall(member, id))) return failure(ErrorCode.LibraryNotFound);
    const row = await this.store.version(id, version);
    if (row?.status !== 'published') return failure(ErrorCode.LibraryNotFound);
    await this.store.retire(id, version, member.name);
    this.catalog.retire(id, version);
    return versionSummaryOf((await this.store.version(id, version))!);
  }

  /** Whether a call has `id`, in any organisation or among the built-ins (ids are one namespace). */
  private async idTaken(id: string): Promise<boolean> {
    return this.catalog.get(id) !== undefined || (await this.store.call(id)) !== undefined;
  }

  /** The first of `candidates` no call has. */
  private async freeId(candidates: Iterable<string>): Promise<string> {
    for (const id of candidates) if (!(await this.idTaken(id))) return id;
    throw new Error('unreachable: the candidates never end');
  }

  /** The first copy title that no call of the member's library (hers and the built-ins) reads as. */
  private async freeCopyTitle(member: Membership, title: string): Promise<string> {
    const listed = (await this.list(member)).map((call) => call.title);
    for (const candidate of copyTitleCandidates(title))
      if (!listed.some((other) => sameTitle(other, candidate))) return candidate;
    throw new Error('unreachable: the candidates never end');
  }

  /** A call of the member's organisation; another organisation's is as good as missing. */
  private async ownCall(member: Membership, id: string): Promise<LibraryCallRow | undefined> {
    const call = await this.store.call(id);
    return call?.organizationId === member.organizationId ? call : undefined;
  }

  private builtIn(id: string): LibraryCallDetail | undefined {
    if (this.catalog.builtInText(id) === undefined) return undefined;
    const current = this.catalog.get(id)!;
    return {
      id,
      title: current.scenario.title,
      builtIn: true,
      published: current.scenario.version,
      versions: [{ version: current.scenario.version, status: 'published', changedBy: '', changedAt: '' }],
      history: [],
    };
  }

  private async sourceText(member: Membership, id: string, version?: number): Promise<string | undefined> {
    const builtIn = this.catalog.builtInText(id);
    if (builtIn !== undefined) return builtIn;
    if (!(await this.ownCall(member, id))) return undefined;
    const versions = await this.store.versions([id]);
    const row = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
    return row?.yaml;
  }
}

function summaryOf(call: LibraryCallRow, versions: LibraryVersionRow[]): LibraryCallSummary {
  const published = versions.filter((v) => v.status === 'published').at(-1)?.version;
  const draft = versions.find((v) => v.status === 'draft')?.version;
  return {
    id: call.id,
    title: call.title,
    builtIn: false,
    ...(published !== undefined ? { published } : {}),
    ...(draft !== undefined ? { draft } : {}),
    updatedAt: call.updatedAt,
  };
}

function versionSummaryOf(v: LibraryVersionRow): LibraryVersionSummary {
  return {
    version: v.version,
    status: v.status,
    changedBy: v.changedBy,
    changedAt: v.changedAt,
    ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
  };
}
