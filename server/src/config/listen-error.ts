// Why the server could not listen, in the words of the variable to change: the usual mistakes of
// whoever runs it (a port already taken, a HOST that is not this machine's, a port below 1024
// without the rights) end the boot with a ConfigError, not a stack trace.
import { ConfigError } from './env.js';
import type { AppConfig } from './env.js';

const PROBLEMS: Record<string, (config: Pick<AppConfig, 'port' | 'host'>) => string> = {
  EADDRINUSE: ({ port }) =>
    `PORT=${port} : ce port est déjà pris par un autre programme (un autre serveur Écoute ?) ; arrêtez-le ou choisissez un autre PORT`,
  EACCES: ({ port }) =>
    `PORT=${port} : un port sous 1024 demande les droits d'administration ; choisissez un port à partir de 1024 (par ex. PORT=8080), derrière un proxy inverse s'il le faut`,
  EADDRNOTAVAIL: notThisMachine,
  ENOTFOUND: notThisMachine,
  EAI_AGAIN: notThisMachine,
};

function notThisMachine({ host }: Pick<AppConfig, 'host'>): string {
  return `HOST=${host} : ce n'est pas une adresse de cette machine ; mettez 0.0.0.0 (toutes les interfaces) ou 127.0.0.1 (cette machine seulement)`;
}

export function listenError(
  error: unknown,
  config: Pick<AppConfig, 'port' | 'host'>,
): ConfigError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem = code === undefined ? undefined : PROBLEMS[code];
  return problem ? new ConfigError([problem(config)]) : undefined;
}
