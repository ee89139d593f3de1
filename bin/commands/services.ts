import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { ensureServices, stopServices } from '../../scripts/services';
import { stopPostgres } from '../../scripts/services/postgres';
import { stopTemporal } from '../../scripts/services/temporal';
import { stopTemporalCluster } from '../../scripts/services/temporalCluster';

/** `herald services up|down`: Postgres and the Temporal dev server, started or stopped by pid. */
export function registerServices(program: Command): void {
  const services = program.command('services').description('start or stop the local Postgres and Temporal dev server');
  services
    .command('up')
    .description('start Postgres and Temporal unless already reachable (DATABASE_URL / TEMPORAL_ADDRESS win when set)')
    .option('--json', 'print addresses as one JSON line')
    .option('--cluster', "run the real Temporal server on Herald's PostgreSQL instead of the dev server (built with Go on first use; docs/operations.md)")
    .action(async (options: { json?: boolean; cluster?: boolean }) => {
      loadConfig();
      const s = await ensureServices(options.json ? (line) => console.error(line) : console.log, { cluster: options.cluster });
      if (options.json) {
        console.log(
          JSON.stringify({
            databaseUrl: s.postgres.url,
            temporalAddress: s.temporal.address,
            temporalUiUrl: s.temporal.uiUrl,
            started: { postgres: s.postgres.startedHere, temporal: s.temporal.startedHere },
          }),
        );
      } else {
        console.log(`Postgres:    ${s.postgres.url.replace(/:[^:@/]+@/, ':***@')}${s.postgres.startedHere ? ' (started)' : ' (already running)'}`);
        console.log(`Temporal:    ${s.temporal.address}${s.temporal.startedHere ? ' (started)' : ' (already running)'}`);
        if (s.temporal.uiUrl) console.log(`Temporal UI: ${s.temporal.uiUrl}`);
      }
    });
  services
    .command('down')
    .description('stop the services Herald started')
    .option('--only <service>', 'stop only this one: postgres, temporal (the dev server) or cluster (the real Temporal server)')
    .action(async (options: { only?: string }) => {
      if (options.only !== undefined) {
        const stop = { postgres: stopPostgres, temporal: stopTemporal, cluster: stopTemporalCluster }[options.only];
        if (!stop) throw new Error(`--only takes postgres, temporal or cluster, not ${options.only}`);
        console.log(`${options.only}: ${(await stop()) ? 'stopped' : 'was not running'}`);
        return;
      }
      const stopped = await stopServices();
      console.log(`Postgres: ${stopped.postgres ? 'stopped' : 'was not running'}\nTemporal: ${stopped.temporal ? 'stopped' : 'was not running'}`);
    });
}
