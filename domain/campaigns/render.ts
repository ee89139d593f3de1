import { toCustomer, type CustomerRow } from '../customers/rows';
import { parseTemplates, renderTemplate, templateScope, type ParsedTemplates } from './templates';
import type { CampaignRow } from './types';
import { variantMessage } from './variants';

/** A rendered message body (and subject for e-mail). */
export interface RenderedMessage {
  subject: string;
  body: string;
}

/**
 * Parsed templates per campaign version, so a 100k-recipient campaign parses its templates once
 * per worker instead of once per message. Keyed by id and updated_at: an edited draft re-parses.
 */
export class TemplateCache {
  private readonly entries = new Map<string, ParsedTemplates>();

  /** The campaign's parsed subject and body, or those of one of its A/B variants. */
  get(campaign: CampaignRow, variant?: string | null): ParsedTemplates {
    const key = `${campaign.id}:${new Date(campaign.updated_at).getTime()}:${variant ?? ''}`;
    let parsed = this.entries.get(key);
    if (!parsed) {
      if (this.entries.size > 500) this.entries.clear();
      const message = variantMessage(campaign, variant);
      parsed = parseTemplates(message.subject, message.body);
      this.entries.set(key, parsed);
    }
    return parsed;
  }
}

/** Renders a campaign's message for one customer row; `extra` adds variables such as unsubscribeUrl. */
export function renderForCustomer(parsed: ParsedTemplates, campaign: CampaignRow, customer: CustomerRow, extra: Record<string, unknown> = {}): RenderedMessage {
  const scope = templateScope(toCustomer(customer), { campaign: { id: campaign.id, name: campaign.name }, ...extra });
  return { subject: renderTemplate(parsed.subject, scope), body: renderTemplate(parsed.body, scope) };
}
