import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import type { TemporalProvider } from '../../temporal/client';
import { createMessagingService } from '../messaging/service';
import { createCampaignCommands } from './commands';
import { createCampaignReports } from './reports';
import { createCampaignService } from './service';

/**
 * Builds the campaign module: definitions, lifecycle commands and reports as one `campaigns`
 * service, and `messaging` (direct messages, unsubscribe, tracking, provider callbacks).
 */
export function createCampaignModule(deps: { db: Knex; exportDb?: Knex; temporal: TemporalProvider; defaultPhoneRegion: CountryCode }) {
  const definitions = createCampaignService(deps);
  const commands = createCampaignCommands({ ...deps, campaigns: definitions });
  const reports = createCampaignReports({ ...deps, campaigns: definitions });
  return {
    campaigns: { ...definitions, ...commands, ...reports },
    messaging: createMessagingService({ db: deps.db, campaigns: definitions, commands }),
  };
}
