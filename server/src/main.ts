// Écoute's server entry: parse the environment once, build the app, listen.
import { prepareDataFolder } from './config/data-folder.js';
import { ConfigError, parseEnv } from './config/env.js';
import { listenError } from './config/listen-error.js';
import { AccountsService } from './accounts/accounts.service.js';
import { createApp } from './app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseEnv(process.env);
    prepareDataFolder(config, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  let app;
  try {
    app = await createApp(config);
  } catch (error) {
    // A database sealed with another server key (config/key-mismatch.ts).
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const started = app;
  // SIGTERM / SIGINT / SIGHUP: close the app (sockets, timers, database) and exit, rather than die
  // mid-write. So too when the launcher (`npm start`, scripts/launcher.mjs) is gone, even killed by
  // SIGKILL: its IPC channel closes, and the server does not stay behind on its port.
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    started.close().then(
      () => {
        // Plain text, as the start line: whoever stopped the server reads that it stopped cleanly
        // (a crash or kill -9 leaves no such line; live calls then come back paused).
        console.log(`Écoute arrêté (${reason}) : connexions fermées, chronologies enregistrées, base fermée`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // Kept listening while stopping: Ctrl+C reaches the server both from the terminal and forwarded
  // by each launcher, and a repeated signal must not cut the clean stop short.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  if (process.channel) process.once('disconnect', () => stop('lanceur disparu'));
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    const refusal = listenError(error, config);
    if (!refusal) throw error;
    console.error(refusal.message);
    process.exit(2);
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // First boot (no administrator yet): a one-time link to create the first administrator and
  // organisation, shown once here and valid until used or the server stops; later, the sign-in's.
  const setupPath = app.get(AccountsService).takeSetupPath();
  const base = config.publicUrl ?? `http://localhost:${port}`;
  // Plain text, last, after the JSON lines: what a person looks for. The test harness reads the
  // first line to find the port when PORT=0; the link has a line of its own, written in the same
  // call so that whoever reads the port has the link too.
  const start = `Écoute écoute sur http://localhost:${port} (base : ${config.databaseFile})`;
  // Installed already: where to sign in (a data folder kept from before started without a word).
  const link = setupPath
    ? `\n  première installation : ${base}${setupPath} (lien à usage unique)`
    : `\n  connexion : ${base}/connexion`;
  console.log(`${start}${link}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
