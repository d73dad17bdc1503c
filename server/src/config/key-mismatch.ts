// A database sealed with another server key (a backup restored without its `secret.key`, or with
// another ECOUTE_SECRET) refuses the boot: started anyway, the links kept for trainers, the badge
// and LTI keys would open to nothing, silently. The refusal says where the right key goes, and how
// to start anyway when it is truly lost (accounts/server-key-check.ts checks; README, « Restauration »).
import path from 'node:path';
import { ConfigError } from './env.js';
import type { AppConfig } from './env.js';

export function keyMismatchError(
  config: Pick<AppConfig, 'databaseFile' | 'databaseUrl' | 'secret'>,
  key: { file: string | undefined; drawn: boolean },
): ConfigError {
  const base =
    config.databaseUrl === undefined ? `la base ${config.databaseFile}` : 'la base PostgreSQL (DATABASE_URL)';
  const sealed = "ce qu'elle scelle (liens gardés pour les formateur·rices, clés des badges et de LTI)";
  const lost =
    "clé vraiment perdue : ECOUTE_FORGET_SEALED=1 démarre quand même et oublie ce qu'elle scellait (README, « Restauration »)";
  if (config.secret !== undefined || key.file === undefined) {
    return new ConfigError([
      `ECOUTE_SECRET : ${base} a été scellée avec une autre clé du serveur que cette valeur, ${sealed} ne s'ouvrirait plus ;\n` +
        `    fixez ECOUTE_SECRET à la valeur gardée avec la sauvegarde (ou retirez-la si c'est le secret.key du dossier des données qui l'a scellée) ;\n` +
        `    ${lost}`,
    ]);
  }
  const folder = path.dirname(key.file);
  const problem = key.drawn
    ? `${base} a été scellée avec une clé du serveur, et ${key.file} manque : ${sealed} ne s'ouvrirait plus ;`
    : `${base} a été scellée avec une autre clé du serveur que ${key.file} : ${sealed} ne s'ouvrirait plus ;`;
  return new ConfigError([
    `ECOUTE_SECRET (non fixée) : ${problem}\n` +
      `    remettez dans ${folder} le secret.key gardé avec la sauvegarde, ou fixez ECOUTE_SECRET à la valeur gardée ;\n` +
      `    ${lost}`,
  ]);
}
