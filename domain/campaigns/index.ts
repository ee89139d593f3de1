import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import type { TemporalProvider } from '../../temporal/client';
import type { SegmentReevaluator } from '../segments/reevaluator';
import { createCampaignCommands } from './commands';
import { createDirectMessages } from './direct';
import { createRecipientFeedback } from './feedback';
import { createCampaignReports } from './reports';
import { createCampaignService } from './service';

/**
 * Builds the campaign module as one service: definitions, lifecycle commands, reports, direct
 * messages (campaigns of kind `direct`) and what recipients and providers report back through a
 * message's links (unsubscribe, opens, clicks, SMS status). It builds on domain/messaging
 * (settings, suppressions), never the other way round.
 */
export function createCampaignModule(deps: {
  db: Knex;
  exportDb?: Knex;
  temporal: TemporalProvider;
  defaultPhoneRegion: CountryCode;
  segments: SegmentReevaluator;
}) {
  const definitions = createCampaignService(deps);
  const commands = createCampaignCommands({ ...deps, campaigns: definitions });
  const reports = createCampaignReports({ ...deps, campaigns: definitions });
  return {
    ...definitions,
    ...commands,
    ...reports,
    ...createDirectMessages({ db: deps.db, campaigns: definitions, commands }),
    ...createRecipientFeedback({ db: deps.db, segments: deps.segments }),
  };
}
