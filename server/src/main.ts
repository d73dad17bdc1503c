// Écoute's server entry: parse the environment once, build the app, listen.
import { ConfigError, parseEnv } from './config/env.js';
import { createApp } from './app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config);
  // SIGTERM / SIGINT: close the app (sockets, timers, database) and exit, rather than die mid-write.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // The admin token opens the sessions list; a drawn one is shown here, a configured one is not.
  const admin = config.adminTokenGenerated
    ? ` · liste des séances : http://localhost:${port}/sessions#k=${config.adminToken} (jeton d'administration tiré au démarrage ; fixez-le avec ECOUTE_ADMIN_TOKEN)`
    : " · jeton d'administration : ECOUTE_ADMIN_TOKEN";
  // The test harness reads this line to find the port when PORT=0.
  console.log(`Écoute écoute sur http://localhost:${port} (base : ${config.databaseFile})${admin}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
