// What the engine writes for people (the graph's arrows, the lint's problems, a scenario's parse
// errors) as a code and its parameters: the studio words them from its catalogue in the page's
// language (client/src/i18n, key `engine.<code>`), the command line and the `message` fields from
// the French templates below. A parameter is a label or a value as written in the scenario, or
// another message (a part of the sentence that has words of its own).
// The French here is the reference: the client's French catalogue holds the same templates,
// held equal by its test (client/src/i18n/engineText.test.ts).

export type MessageParam = string | number | EngineMessage | LibraryWords;

/** Words a library gives in both languages (zod's schema messages, yaml's syntax errors). */
export interface LibraryWords {
  fr: string;
  en: string;
}

export type MessageLang = keyof LibraryWords;

export interface EngineMessage {
  code: EngineMessageCode;
  params?: Record<string, MessageParam>;
}

// Each code's French template; `{name}` is where a parameter goes.
export const ENGINE_MESSAGES = {
  // The graph's arrows (`transitionLabel`): what triggers a transition, and its guard in [ ].
  'graph.after.seconds': 'après {seconds} s',
  'graph.after.ms': 'après {ms} ms',
  'graph.always': 'automatique',
  'graph.say': 'parole libre',
  'graph.acted': "l'écoutant·e agit ou parle",
  'graph.hangup': "l'écoutant·e raccroche",
  'graph.move': '{label}',
  'graph.inject': '⚡ {label}',
  'graph.event': '{event}',
  'graph.guarded': '{trigger} [{guard}]',

  // A guard in words (`formatCondition`): the graph's arrows and the command line.
  'condition.compare': '{label} {op} {value}{now}',
  'condition.now': ' (actuellement {value})',
  'condition.flag': '« {label} »',
  'condition.visited': 'étape « {label} » déjà atteinte',
  'condition.in': 'étape « {label} » en cours',
  'condition.movesTotal': "nombre total d'actions de l'écoutant·e {op} {value}{now}",
  'condition.moveCount': '« {label} » fait {op} {value} fois{now}',
  'condition.and': '{left} et {right}',
  'condition.or': '{left} ou {right}',
  'condition.group': '({condition})',
  'condition.not': 'non ({condition})',

  // The lint of a scenario (tools/lint.ts, lint-fidelity.ts, lint-speech.ts, lint-template.ts,
  // lint-variants.ts).
  'lint.unreachable_state': "état « {state} » inatteignable : aucune transition n'y mène",
  'lint.dead_end':
    "état « {state} » sans issue : aucune transition n'en sort, aucune fin n'y est donnée, et ce n'est pas un état final",
  'lint.unreachable_ending':
    'fin « {ending} » inatteignable : aucun état ni transition atteignable ne la donne',
  'lint.unused_variable':
    "variable « {variable} » jamais lue : aucune condition ni critère de la grille ne s'en sert",
  'lint.move_never_offered': "action « {move} » jamais proposée : aucun état atteignable n'y réagit",
  'lint.inject_never_offered': "événement « {inject} » sans effet : aucun état atteignable n'y réagit",
  'lint.line_never_said': 'réplique « {line} » jamais dite : aucun état ni transition ne la fait dire',
  'lint.missing_text': 'texte manquant ({path})',
  'lint.placeholder_text': 'texte provisoire à remplacer ({path})',
  'lint.template_text.summary':
    "résumé laissé tel que le modèle vierge l'a écrit (« À décrire… ») : les formateur·rices le lisent dans la liste des appels, au moment de créer une séance. Décrivez la situation de la personne qui appelle dans les formulaires, onglet « Personne », partie « L'appel », champ « Résumé ».",
  'lint.template_text.persona':
    "personne qui appelle laissée telle que le modèle vierge l'a écrite ({name}, {age} ans, {place}). Donnez-lui le nom, l'âge et le lieu de votre appel dans les formulaires, onglet « Personne », partie « La personne qui appelle », champs « Prénom et nom », « Âge » et « Lieu ».",
  'lint.template_text.background':
    "histoire de la personne laissée telle que le modèle vierge l'a écrite (« À décrire… ») : le formateur ou la formatrice et l'apprenant·e qui joue l'appelant·e la lisent pendant l'appel. Racontez ce qu'elle vit dans les formulaires, onglet « Personne », partie « La personne qui appelle », champ « Son histoire ».",
  'lint.repeated_line':
    "réplique « {line} » redite mot pour mot : l'action « {move} » la fait dire {where}, et rien ne l'empêche d'être rejouée aussitôt : la personne qui appelle répéterait alors la même phrase, comme un enregistrement. Donnez-lui deux ou trois autres formulations, dites tour à tour : formulaires, onglet « Répliques », champ « Autres formulations », ou dans le texte une liste variants sous la réplique.",
  'lint.repeated_line.state': "dans l'état « {label} »",
  'lint.repeated_line.anywhere': "à tout moment de l'appel",
  'lint.criterion_never_met':
    "critère « {criterion} » jamais rempli : « {variable} » commence à {initial}, hors des bornes qu'il lui demande de garder tout l'appel",
  'lint.missing_rubric':
    "pas de grille d'évaluation (rubric) : requise pour les scénarios de la bibliothèque",
  'lint.unreachable_transition':
    "transition jamais prise : dans {state}, sur {trigger}, la transition vers {first} passe toujours avant celle vers {second} (elle n'a pas de condition). Supprimez l'une des deux ou ajoutez une condition à la première.",
  'lint.transition.root': 'la racine',
  'lint.transition.state': "l'état « {label} »",
  'lint.transition.always': 'les transitions immédiates',
  'lint.transition.after': 'le délai de {seconds} s',
  'lint.transition.event': '« {label} »',
  'lint.transition.target': '« {label} »',
  'lint.transition.targets': '{first}, {rest}',
  'lint.transition.stay': 'sur place',
  'lint.spoken_direction':
    'réplique « {line} » : « {found} » serait lu à voix haute ; une indication de jeu va dans direction (affichée en italique, jamais dite)',
  'lint.substance_state':
    'substance : état « {path} » introuvable (chemin attendu depuis la racine, ex. ecoute.en_ligne)',
  'lint.missing_substance':
    "grille : des critères du type « n'a pas fait… » ou « est resté dans les limites » ne seront jamais comptés avant une bonne fin, car aucune étape ne marque le moment où l'appel entre dans le vif du sujet. Indiquez cette étape (l'état atteint quand l'écoute a vraiment commencé).",
  'lint.missing_examples.none':
    "aucune action n'a de phrases exemples : en parole libre, seules les phrases qui reprennent le nom d'une action seront reconnues. Sous chaque action, ajoutez quelques phrases qu'un·e écoutant·e pourrait dire : formulaires, onglet « Actions de l'écoutant·e », « Phrases exemples (parole libre) ».",
  'lint.missing_examples.some':
    "{missing} actions sur {total} n'ont pas de phrases exemples : en parole libre, seules les phrases qui reprennent le nom d'une action seront reconnues. Sous chaque action, ajoutez quelques phrases qu'un·e écoutant·e pourrait dire : formulaires, onglet « Actions de l'écoutant·e », « Phrases exemples (parole libre) ».",
  'lint.missing_examples.move':
    "action « {move} » sans phrases exemples : en parole libre, elle ne sera reconnue que dans une phrase qui reprend son nom. Ajoutez-en quelques-unes : formulaires, onglet « Actions de l'écoutant·e », « Phrases exemples (parole libre) ».",

  // The lint of a play-through file against its scenario (the command line).
  'lint.file_name': "le fichier devrait s'appeler {scenario}.tests.yaml",
  'lint.test.scenario_invalid': "scénario « {scenario} » invalide ({file}) : corrigez d'abord ses erreurs",
  'lint.test.scenario_missing': 'scénario « {scenario} » introuvable',
  'lint.test.move_missing': 'action « {move} » introuvable dans moves',
  'lint.test.inject_missing': 'événement « {inject} » introuvable dans injects',
  'lint.test.state_missing': 'état « {state} » introuvable',
  'lint.test.line_missing': 'réplique « {line} » introuvable dans lines',
  'lint.test.variable_missing': 'variable « {variable} » introuvable',
  'lint.test.ending_missing': 'fin « {ending} » introuvable dans endings',
  'lint.test.outcome_mismatch': "la fin « {ending} » a l'issue {declared}, pas {outcome}",
  'lint.test.criterion_missing': 'critère « {criterion} » introuvable dans la grille',
  'lint.test.criterion_judged': 'critère « {criterion} » jugé par le formateur : pas de résultat automatique',

  // A play-through's own checks (tools/test-runner.ts): the step, what it expected, what happened;
  // a generated path's name; a play-through file's times (tools/play-throughs.ts).
  'test.step': 'étape à {at} ms ({what})',
  'test.step.wait': 'attendre',
  'test.step.move': 'action {move}',
  'test.step.inject': 'événement {inject}',
  'test.step.input': '{kind}',
  'test.accepted': "{step} : refus {expected} attendu, mais l'étape a été acceptée",
  'test.refused_otherwise': '{step} : refus {expected} attendu, refusée avec {code}',
  'test.refused': '{step} : refusée ({code} : {message})',
  'test.lines': '{step} : répliques [{expected}] attendues, [{said}] dites',
  'test.states': '{step} : états [{expected}] attendus, [{active}] actifs',
  'test.variable_unknown': '{step} : variable « {variable} » inconnue',
  'test.variable': '{step} : {variable} = {expected} attendu, {value} obtenu',
  'test.not_ended': "l'appel n'est pas terminé après la dernière étape (états : {states})",
  'test.not_ended.none': 'aucun',
  'test.ending': 'fin {expected} ({expectedOutcome}) attendue, {ending} ({outcome}) obtenue',
  'test.ending.none': 'aucune',
  'test.ending.stopped': 'arrêté',
  'test.reason': 'fin par {expected} attendue, par {reason}',
  'test.ending_message': 'message de fin « {message} » ; la grille donne « {expected} »',
  'test.criterion_missing': 'grille : critère « {criterion} » introuvable',
  'test.criterion_judged': 'grille : critère « {criterion} » jugé par le formateur, pas automatique',
  'test.criterion': 'grille : « {criterion} » {expected} attendu, {result}',
  'test.criterion.unassessed': 'non évalué',
  'test.criterion.met': 'rempli',
  'test.criterion.unmet': 'non rempli',
  'test.generated.shortest': 'chemin le plus court vers la fin « {ending} » ({steps} étapes)',
  'test.generated.short': 'chemin court vers la fin « {ending} » ({steps} étapes)',
  'test.times_order': 'test « {test} » : les temps (at) doivent être croissants ({at} < {previous})',

  // A run's refusal of an input, and the endings it writes itself (run/call-run.ts).
  'run.ended': "L'appel est terminé.",
  'run.paused': 'La séance est suspendue par le formateur ou la formatrice.',
  'run.not_ringing': "Le téléphone ne sonne pas : il n'y a pas d'appel à décrocher.",
  'run.not_connected': "L'appel n'est pas en cours.",
  'run.unknown_move': 'Action inconnue dans ce scénario : « {move} ».',
  'run.move_not_now': "L'action « {move} » n'est pas disponible à ce moment de l'appel.",
  'run.unknown_inject': 'Événement inconnu dans ce scénario : « {inject} ».',
  'run.inject_not_now': "L'événement « {inject} » n'a pas d'effet à ce moment de l'appel.",
  'run.trainer_end': 'Appel terminé par le formateur ou la formatrice.',
  'run.already_on_hold': "L'appel est déjà en attente.",
  'run.not_on_hold': "L'appel n'est pas en attente.",
  'run.no_caller_actor': "Cette séance n'a pas d'appelant·e joué·e par une personne.",
  'run.interpretation_order': "Interprétation n° {n} hors d'ordre (attendue : n° {expected}).",
  'run.unknown_interpretation': 'Aucune interprétation n° {n} dans cette séance.',
  'run.runtime_error': "Le scénario a rencontré une erreur et l'appel a été interrompu ({detail}).",
  'run.machine_done': "L'appel s'est terminé.",

  // The schema's own rules (scenario/schema.ts, tools/play-throughs.ts): zod gives these words as
  // written; `describeSchemaIssue` and compile's structural check find their code back.
  'schema.id':
    'identifiant attendu : lettres minuscules sans accent, chiffres et _, commençant par une lettre',
  'schema.delay': 'délai attendu en millisecondes (nombre entier)',
  'schema.scenario_id': 'identifiant attendu en kebab-case (ex. appel-entrainement)',
  'schema.bounds': 'bornes incohérentes : il faut min < max et min ≤ initial ≤ max',
  'schema.thresholds': 'seuils incohérents : entre min et max, et warning avant danger dans le sens indiqué',
  'schema.test_id': 'identifiant attendu : minuscules, chiffres et _',
  'schema.test_scenario_id': 'identifiant de scénario attendu (kebab-case)',

  // A scenario's text that does not read (scenario/parse.ts): its limits, yaml's syntax, the schema.
  // zod's and yaml's own words come as a parameter in both languages (`LibraryWords`).
  'parse.in_file': '{file} : {message}',
  'parse.too_large': 'document trop volumineux (maximum {max} octets)',
  'parse.too_deep': 'document trop profondément imbriqué (maximum {max} niveaux)',
  'parse.too_deep.unknown': 'document trop profondément imbriqué',
  'parse.unreadable': 'lecture impossible ({error})',
  'parse.aliases': "trop d'alias YAML (maximum {max} expansions) : document refusé",
  'parse.yaml': 'YAML invalide : {detail}',
  'parse.duplicate_key': 'YAML invalide : clé « {key} » en double (chaque clé une seule fois par bloc)',
  'parse.schema': '{detail}',
  'parse.unknown_action': 'action inconnue « {written} » : actions permises : {options}',
  'parse.unknown_guard': 'garde inconnue « {written} » : gardes permises : {options}',
  'parse.invalid_key': 'clé « {key} » invalide dans {where} : {rule}',
  'parse.invalid_key.root': 'clé « {key} » invalide : {rule}',

  // A scenario's references (scenario/references.ts): targets, names, states, the rubric's.
  'ref.target_missing': 'cible « {target} » : état « {state} » introuvable',
  'ref.target_form': 'cible « {target} » : seule la forme #{machine}.chemin est acceptée',
  'ref.target_root': 'cible « {target} » depuis la racine : écrivez « .{target} » ou « #{machine}.{target} »',
  'ref.move_reserved': "l'action « {move} » porte un nom réservé ({reserved})",
  'ref.move_and_inject': "« {id} » est à la fois une action de l'écoutant et un événement injecté",
  'ref.inject_reserved': "l'événement injecté « {inject} » porte un nom réservé ({reserved})",
  'ref.hangup_ending': 'hangupEnding : fin « {ending} » introuvable dans endings',
  'ref.line_missing': 'réplique « {line} » introuvable dans lines',
  'ref.variable_missing': 'variable « {variable} » introuvable dans variables',
  'ref.ending_missing': 'fin « {ending} » introuvable dans endings',
  'ref.guard_state_missing':
    'état « {state} » introuvable (chemin attendu depuis la racine, ex. detresse.forte)',
  'ref.guard_state_history': "état « {state} » : un état historique n'est jamais actif",
  'ref.guard_move_missing': "action de l'écoutant « {move} » introuvable dans moves",
  'ref.states_empty': 'état « {state} » : states est vide',
  'ref.history_only': "état « {state} » : « {key} » n'est permis que sur un état historique (type: history)",
  'ref.final_key': "état final « {state} » : « {key} » n'est pas permis",
  'ref.parallel_initial': 'état parallèle « {state} » : pas de initial',
  'ref.parallel_regions': 'état parallèle « {state} » : il faut des régions (states)',
  'ref.initial_missing': 'état « {state} » : initial manquant',
  'ref.initial_unknown': "état « {state} » : initial « {initial} » n'est pas un de ses états",
  'ref.initial_history': 'état « {state} » : initial « {initial} » est un état historique',
  'ref.initial_without_children': 'état « {state} » : initial sans sous-états',
  'ref.event_unknown':
    "événement « {event} » inconnu : ni action de l'écoutant (moves), ni événement injecté (injects), ni {reserved}",
  'ref.delay_too_long': 'délai {delay} ms trop long (maximum {max} ms)',
  'ref.flag_never_set': 'drapeau « {flag} » lu mais jamais posé par une action flag',
  'ref.history_key': "état historique « {state} » : « {key} » n'est pas permis",
  'ref.history_alone': "état historique « {state} » : son parent doit avoir d'autres sous-états, où revenir",
  'ref.history_target_missing':
    'état historique « {state} » : cible par défaut « {target} » introuvable parmi les sous-états de « {parent} » (chemin depuis le parent, ex. {example})',
  'ref.history_target_history':
    'état historique « {state} » : sa cible par défaut « {target} » est un état historique',
  'ref.always_loop': 'always sans garde et sans cible dans « {state} » : boucle sans fin',
  'ref.always_cycle': 'transitions always sans garde en boucle : {cycle}',
  'ref.rubric_competency_twice': 'grille : compétence « {competency} » en double',
  'ref.rubric_criterion_twice': 'grille : critère « {criterion} » en double',
  'ref.rubric_move_missing': "grille : action de l'écoutant « {move} » introuvable dans moves",
  'ref.rubric_state_missing':
    'grille : état « {state} » introuvable (chemin attendu depuis la racine, ex. ecoute.en_ligne)',
  'ref.rubric_variable_missing': 'grille : variable « {variable} » introuvable dans variables',
  'ref.rubric_bounds_missing': 'grille : critère « {criterion} » : il faut min, max ou les deux',
  'ref.rubric_bounds_inverted': 'grille : critère « {criterion} » : min > max',
  'ref.rubric_inject_missing': 'grille : événement injecté « {inject} » introuvable dans injects',
} as const;

export type EngineMessageCode = keyof typeof ENGINE_MESSAGES;

/** Every code the engine may word a message with (the client's catalogue test reads them). */
export const ENGINE_MESSAGE_CODES = Object.keys(ENGINE_MESSAGES) as EngineMessageCode[];

/**
 * A message in words: each code's template from `templateOf` (a catalogue's), each `{name}` filled
 * with its parameter (a message parameter worded first, the same way).
 */
export function wordMessage(
  message: EngineMessage,
  templateOf: (code: EngineMessageCode) => string,
  /** The language of a library's words among the parameters. */
  lang: MessageLang = 'fr',
): string {
  const params = message.params;
  const template = templateOf(message.code);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const param = params[name];
    if (param === undefined) return whole;
    if (typeof param !== 'object') return String(param);
    return 'code' in param ? wordMessage(param, templateOf, lang) : param[lang];
  });
}

/** A message in the engine's French (the command line; the `message` of lint issues). */
export function frenchText(message: EngineMessage): string {
  return wordMessage(message, (code) => ENGINE_MESSAGES[code]);
}

/** A message of `code` with its parameters. */
export const msg = (code: EngineMessageCode, params?: Record<string, MessageParam>): EngineMessage =>
  params ? { code, params } : { code };
