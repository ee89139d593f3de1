/**
 * Herald's API types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit; regenerate with `npm run sdk:generate` (a test fails while this file differs from the API).
 */

export interface paths {
    "/api/v1/ai/segment-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest segments from a phrase ("vip customers in New York"); deterministic, no model
         * @description Checked beyond this schema:
         *     - 422: the phrase must contain words the rule suggester understands (details list the others)
         */
        post: operations["postAiSegmentSuggestions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Analytics of the tenant's campaigns, newest first, 50 a page by default (seed 003)
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getAnalyticsCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's API keys, newest first, page or cursor pagination
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getApiKeys"];
        put?: never;
        /**
         * Create an API key; the key is in this response only
         * @description Checked beyond this schema:
         *     - 422: customerId must name a customer of this tenant; expiresAt must lie in the future
         */
        post: operations["postApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (it stops working at once) */
        delete: operations["deleteApiKeysId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Track and identify in bulk (Segment batch call)
         * @description Items run in order (consecutive tracks are stored in one transaction). The answer is 200 with one result per item: accepted, deduplicated, or the error that item alone got (422, 404, 409), so one bad item never drops the others. A body over 500 KB as sent is refused with 413.
         */
        post: operations["postBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List campaigns (filters: status, type/channel)
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCampaigns"];
        put?: never;
        /**
         * Create a draft campaign (Herald's form or seed 003's)
         * @description Checked beyond this schema:
         *     - 422: channel (or type), body (or content) and an audience must come in one of the two spellings; seed 003's audienceType needs its companion field (segmentId, segmentRules or customerIds)
         *     - 422: subject and body must be valid Liquid templates using known customer fields (details give line and column)
         *     - 422: an email campaign needs a subject; a scheduled time must be in the future; a cron must be a valid five-field expression
         *     - 422: segmentId must name a segment of this tenant; inline rules must name fields of GET /segments/fields
         *     - 422: a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it)
         *     - 422: an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)
         *     - 409: an Idempotency-Key whose first request is still running is refused; retry shortly
         */
        post: operations["postCampaigns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign with its progress (ledger counts and the workflow state) */
        get: operations["getCampaignsId"];
        /**
         * Change a draft campaign
         * @description Checked beyond this schema:
         *     - 422: channel (or type), body (or content) and an audience must come in one of the two spellings; seed 003's audienceType needs its companion field (segmentId, segmentRules or customerIds)
         *     - 422: subject and body must be valid Liquid templates using known customer fields (details give line and column)
         *     - 422: an email campaign needs a subject; a scheduled time must be in the future; a cron must be a valid five-field expression
         *     - 422: segmentId must name a segment of this tenant; inline rules must name fields of GET /segments/fields
         *     - 422: a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it)
         */
        put: operations["putCampaignsId"];
        post?: never;
        /** Delete a campaign that is not scheduled, sending or paused */
        delete: operations["deleteCampaignsId"];
        options?: never;
        head?: never;
        /**
         * Change a draft campaign
         * @description Checked beyond this schema:
         *     - 422: channel (or type), body (or content) and an audience must come in one of the two spellings; seed 003's audienceType needs its companion field (segmentId, segmentRules or customerIds)
         *     - 422: subject and body must be valid Liquid templates using known customer fields (details give line and column)
         *     - 422: an email campaign needs a subject; a scheduled time must be in the future; a cron must be a valid five-field expression
         *     - 422: segmentId must name a segment of this tenant; inline rules must name fields of GET /segments/fields
         *     - 422: a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it)
         */
        patch: operations["patchCampaignsId"];
        trace?: never;
    };
    "/api/v1/campaigns/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queued, sent, delivered, failed, skipped by reason, opened, clicked, unsubscribed */
        get: operations["getCampaignsIdAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: nothing more is sent; unsent recipients are marked cancelled */
        post: operations["postCampaignsIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream one row per recipient (CSV by default) */
        get: operations["getCampaignsIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause sending: holds within a second */
        post: operations["postCampaignsIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render the message for one customer (or a sample customer); sends nothing */
        post: operations["postCampaignsIdPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign from where it stopped */
        post: operations["postCampaignsIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Schedule a draft: at a time, or recurring by cron in a timezone (Temporal Schedule)
         * @description Checked beyond this schema:
         *     - 422: a time must be given (here or on the campaign) and lie in the future; a cron must be a valid five-field expression
         *     - 422: a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it)
         */
        post: operations["postCampaignsIdSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send now (202: the workflow sends in the background; poll GET /campaigns/:id) */
        post: operations["postCampaignsIdSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Seed 003: change status (scheduled, sending, paused, cancelled) through the matching command */
        patch: operations["patchCampaignsIdStatus"];
        trace?: never;
    };
    "/api/v1/campaigns/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the message to up to 10 test addresses through the real transports
         * @description Checked beyond this schema:
         *     - 422: each address must be an e-mail address for an email campaign and a phone number for an SMS one; the campaign's templates must render
         */
        post: operations["postCampaignsIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 004's form: { customer_id, key: value, … } */
        post: operations["postCustomerConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers with filters, sorting and page or cursor pagination
         * @description Checked beyond this schema:
         *     - 404: segmentId must name a segment of this tenant
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCustomers"];
        put?: never;
        /**
         * Create a customer
         * @description Checked beyond this schema:
         *     - 422: every phone (phone, phoneNumber, contactNumber, alternativePhones) must be a number libphonenumber accepts, read in the default region when it has no country code; it is stored in E.164
         *     - 422: the full name (fullName, name or contact_name, or firstName and lastName joined) must be 2 to 100 characters
         *     - 422: an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)
         *     - 409: an Idempotency-Key whose first request is still running is refused; retry shortly
         */
        post: operations["postCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer with order and conversation statistics, complaint statistics, recent orders and recent conversations */
        get: operations["getCustomersId"];
        /**
         * Replace a customer (omitted fields are reset)
         * @description Checked beyond this schema:
         *     - 422: every phone (phone, phoneNumber, contactNumber, alternativePhones) must be a number libphonenumber accepts, read in the default region when it has no country code; it is stored in E.164
         *     - 422: the full name (fullName, name or contact_name, or firstName and lastName joined) must be 2 to 100 characters
         */
        put: operations["putCustomersId"];
        post?: never;
        /** Delete a customer (soft by default; ?permanent=true removes it with its orders, conversations and messages) */
        delete: operations["deleteCustomersId"];
        options?: never;
        head?: never;
        /**
         * Change some fields of a customer
         * @description Checked beyond this schema:
         *     - 422: every phone (phone, phoneNumber, contactNumber, alternativePhones) must be a number libphonenumber accepts, read in the default region when it has no country code; it is stored in E.164
         *     - 422: the full name (fullName, name or contact_name, or firstName and lastName joined) must be 2 to 100 characters
         */
        patch: operations["patchCustomersId"];
        trace?: never;
    };
    "/api/v1/customers/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Block or unblock a customer */
        patch: operations["patchCustomersIdBlock"];
        trace?: never;
    };
    "/api/v1/customers/{id}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-customer key/value configuration */
        get: operations["getCustomersIdConfig"];
        /** Set configuration keys (null removes a key) */
        put: operations["putCustomersIdConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's conversations (messages not included), newest message first
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCustomersIdConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's tracked events, newest first (filter by name and time)
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCustomersIdEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's journey runs across journeys, newest entry first
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCustomersIdJourneys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Seed 000: message one customer
         * @description Checked beyond this schema:
         *     - 422: The customer cannot be messaged on this channel (reason in details)
         */
        post: operations["postCustomersIdMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notes log, newest first, page or cursor pagination
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCustomersIdNotes"];
        put?: never;
        /**
         * Add a note to the notes log
         * @description Checked beyond this schema:
         *     - 422: an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)
         *     - 409: an Idempotency-Key whose first request is still running is refused; retry shortly
         */
        post: operations["postCustomersIdNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders by status, average order value, spend by month, complaint statistics */
        get: operations["getCustomersIdStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the account status, with a reason */
        patch: operations["patchCustomersIdStatus"];
        trace?: never;
    };
    "/api/v1/customers/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set, add or remove tags */
        patch: operations["patchCustomersIdTags"];
        trace?: never;
    };
    "/api/v1/customers/{id}/type": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the tier (customerType), with an optional note */
        patch: operations["patchCustomersIdType"];
        trace?: never;
    };
    "/api/v1/customers/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Breakdowns by status, tier and segment; new customers; order and complaint metrics; top customers */
        get: operations["getCustomersAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/bulk/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import up to 1,000 customers and answer with the outcome of every row (seed 001)
         * @description Checked beyond this schema:
         *     - 422: options.mapping values must name customer fields
         */
        post: operations["postCustomersBulkImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream customers as CSV, JSON or NDJSON (list filters apply)
         * @description Checked beyond this schema:
         *     - 404: segmentId must name a segment of this tenant
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCustomersExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import customers in bulk: text/csv, multipart/form-data (a CSV file), application/x-ndjson (streamed, no size limit) or application/json (an array or { customers: [...] }, within the body limit). Answers 202 with the import; poll it for progress.
         * @description Checked beyond this schema:
         *     - 400: a CSV needs a header line and at least one row, and must parse as CSV; each NDJSON line must be a JSON object; a multipart body needs a file part
         *     - 422: the upload must hold at least one row; options given as JSON text (mapping) must parse, and mapping values must name customer fields
         */
        post: operations["postCustomersImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer's own profile */
        get: operations["getCustomersMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/me/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer's order and complaint statistics */
        get: operations["getCustomersMeStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 000: message several customers (through the campaign pipeline: consent, ledger, audit) */
        post: operations["postCustomersMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search by name, email or phone (q, at least 2 characters)
         * @description Checked beyond this schema:
         *     - 404: segmentId must name a segment of this tenant
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getCustomersSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/stats/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals, VIPs, blocked, new this month, counts per segment */
        get: operations["getCustomersStatsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its payload and every attempt */
        get: operations["getDeliveriesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (same webhook-id) */
        post: operations["postDeliveriesIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Development only: messages the local SMTP catcher and log SMS provider received */
        get: operations["getDevOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event names tracked in this tenant, most frequent first, with counts and last occurrence */
        get: operations["getEventsNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update a customer from traits (Segment identify call)
         * @description Creates or updates the customer named by userId (externalId) or email, through the customers module (customer.created / customer.updated events). With an anonymousId as well, the events tracked under that anonymousId are attached to the customer.
         *
         *     Checked beyond this schema:
         *     - 422: userId, email or traits.email must name the customer (an anonymousId alone names no one)
         *     - 422: traits that are not customer fields become customFields: keys of at most 100 characters, values of at most 2,000 characters as text; phone must be a valid number
         *     - 404: when the tenant setting eventsCreateCustomers is false, a customer that does not exist is not created
         *     - 409: an email (or phone) that another customer holds
         */
        post: operations["postIdentify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's imports, newest first
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getImports"];
        put?: never;
        /**
         * Import customers in bulk: text/csv, multipart/form-data (a CSV file), application/x-ndjson (streamed, no size limit) or application/json (an array or { customers: [...] }, within the body limit). Answers 202 with the import; poll it for progress.
         * @description Checked beyond this schema:
         *     - 400: a CSV needs a header line and at least one row, and must parse as CSV; each NDJSON line must be a JSON object; a multipart body needs a file part
         *     - 422: the upload must hold at least one row; options given as JSON text (mapping) must parse, and mapping values must name customer fields
         */
        post: operations["postImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import with live progress (counts, rows/s, ETA) */
        get: operations["getImportsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an import; rows already imported stay */
        post: operations["postImportsIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import's failed rows (row number, field, reason): a page of JSON or ?format=csv for all
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getImportsIdErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's journeys, newest first, page or cursor pagination
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getJourneys"];
        put?: never;
        /**
         * Create a draft journey (a graph of nodes from an entry trigger)
         * @description The draft is stored even when its graph is not yet publishable: `problems` lists what publish would refuse (unreachable nodes, edges to no node, loops without a wait, templates that do not parse, an email without subject, unknown segments or webhook endpoints…), each with its path.
         *
         *     Checked beyond this schema:
         *     - 422: every where (property conditions) and branch rule must be valid in the rule language: fields of GET /segments/fields, operators and values their types take; details point into the journey (nodes[2].branches[0].rule.all[0].operator)
         *     - 422: an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)
         *     - 409: an Idempotency-Key whose first request is still running is refused; retry shortly
         */
        post: operations["postJourneys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One journey: its draft with its problems, status and current version */
        get: operations["getJourneysId"];
        /**
         * Replace the name, description and draft (any status; published versions never change)
         * @description Checked beyond this schema:
         *     - 422: every where (property conditions) and branch rule must be valid in the rule language: fields of GET /segments/fields, operators and values their types take; details point into the journey (nodes[2].branches[0].rule.all[0].operator)
         */
        put: operations["putJourneysId"];
        post?: never;
        /**
         * Delete a draft or archived journey with its versions and runs
         * @description Checked beyond this schema:
         *     - 409: an active or paused journey cannot be deleted: archive it first
         */
        delete: operations["deleteJourneysId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts of one journey version: per node, per edge, per send node (from the ledger) and for the goal
         * @description Counted per version, never mixed: steps belong to the version that ran them, runs to the version they are on (a run moved by a migration map counts in the version it moved to), and a message to the step that sent it.
         *
         *     Checked beyond this schema:
         *     - 404: version must be a published version of the journey; without it the journey must have been published
         */
        get: operations["getJourneysIdAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive: no new entries; open runs finish (those of a paused journey continue)
         * @description Checked beyond this schema:
         *     - 409: only an active or paused journey can be archived
         */
        post: operations["postJourneysIdArchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause an active journey: runs hold in place, no one enters
         * @description Checked beyond this schema:
         *     - 409: only an active journey can be paused
         */
        post: operations["postJourneysIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft as a new immutable version; new runs enter it
         * @description Running customers stay on their version unless `migrate.map` is given: then every open run of older versions moves at its next step, to the node the map names (old node → new node, or "exit"), a node the new version keeps mapping to itself. A paused journey stays paused.
         *
         *     Checked beyond this schema:
         *     - 422: the draft must have no problems (the journey's `problems`); details carry location draft and the same paths
         *     - 422: every map target must be a node of the new version or "exit"; every node holding open runs must be mapped or kept by the new version (details name migrate.map.<node> with the run count); nothing changes
         *     - 409: an archived journey cannot be published
         */
        post: operations["postJourneysIdPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused journey; timers that expired meanwhile fire at once or move later by the paused time
         * @description Checked beyond this schema:
         *     - 409: only a paused journey can be resumed
         */
        post: operations["postJourneysIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A journey's runs, newest entry first (filter by node, state, customer, version)
         * @description Checked beyond this schema:
         *     - 404: version must be a published version of the journey
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getJourneysIdRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run with its step log: what each step did, when, why it branched and what it sent */
        get: operations["getJourneysIdRunsRunId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The journey's published versions, newest first
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getJourneysIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published version: its frozen definition and the campaigns of its send nodes */
        get: operations["getJourneysIdVersionsVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messaging/click/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Click redirect: records the click, then 302 to the signed target (never an open redirect) */
        get: operations["getMessagingClickToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messaging/open/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open-tracking pixel */
        get: operations["getMessagingOpenToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messaging/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's messaging defaults: from address, communication hours, timezone */
        get: operations["getMessagingSettings"];
        /**
         * Replace the tenant's messaging defaults
         * @description Checked beyond this schema:
         *     - 422: a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it)
         */
        put: operations["putMessagingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messaging/twilio/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio delivery status callback (checked with twilio's validateRequest) */
        post: operations["postMessagingTwilioStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messaging/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unsubscribe page (a GET never unsubscribes: link scanners prefetch) */
        get: operations["getMessagingUnsubscribeToken"];
        put?: never;
        /** One-click unsubscribe (RFC 8058): consent off and the address suppressed */
        post: operations["postMessagingUnsubscribeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders with filters, sorting and page or cursor pagination
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getOrders"];
        put?: never;
        /**
         * Place an order; totals are computed from the items
         * @description Checked beyond this schema:
         *     - 404: customerId must name a customer of this tenant
         *     - 422: subtotal, when sent, must equal the sum of price × quantity, and total must equal subtotal + tax + shipping − discount (never below zero)
         *     - 422: an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)
         *     - 409: an Idempotency-Key whose first request is still running is refused; retry shortly
         */
        post: operations["postOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with its items and status history */
        get: operations["getOrdersId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move an order to its next status */
        patch: operations["patchOrdersIdStatus"];
        trace?: never;
    };
    "/api/v1/orders/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export orders as CSV, JSON or NDJSON (streamed) */
        get: operations["getOrdersExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's segments, newest first, page or cursor pagination
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getSegments"];
        put?: never;
        /**
         * Create a segment (membership is computed in the background)
         * @description Checked beyond this schema:
         *     - 422: every condition must name a field of GET /segments/fields with an operator and a value that field takes
         *     - 422: an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)
         *     - 409: an Idempotency-Key whose first request is still running is refused; retry shortly
         */
        post: operations["postSegments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One segment with its normalised rules */
        get: operations["getSegmentsId"];
        /**
         * Change name, description or rules
         * @description Checked beyond this schema:
         *     - 422: every condition must name a field of GET /segments/fields with an operator and a value that field takes
         */
        put: operations["putSegmentsId"];
        post?: never;
        /** Delete a segment */
        delete: operations["deleteSegmentsId"];
        options?: never;
        head?: never;
        /**
         * Change name, description or rules
         * @description Checked beyond this schema:
         *     - 422: every condition must name a field of GET /segments/fields with an operator and a value that field takes
         */
        patch: operations["patchSegmentsId"];
        trace?: never;
    };
    "/api/v1/segments/{id}/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many customers the segment selects now */
        get: operations["getSegmentsIdCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The segment's customers, paginated and filterable like the customer list
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getSegmentsIdCustomers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The segmentable fields, their types and allowed operators */
        get: operations["getSegmentsFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Count and sample the audience of rules without saving them
         * @description Checked beyond this schema:
         *     - 422: every condition must name a field of GET /segments/fields with an operator and a value that field takes
         */
        post: operations["postSegmentsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest segments from a phrase ("vip customers in New York"); deterministic, no model
         * @description Checked beyond this schema:
         *     - 422: the phrase must contain words the rule suggester understands (details list the others)
         */
        post: operations["postSegmentsSuggestions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant of the credential, its settings, and the credential itself */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the tenant's settings (defaultLanguage for new customers, customer event ingestion and retention)
         * @description Checked beyond this schema:
         *     - 422: defaultLanguage must be a BCP 47 tag that Intl.getCanonicalLocales accepts (stored in its canonical form)
         */
        patch: operations["patchTenant"];
        trace?: never;
    };
    "/api/v1/tenant/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of customers, orders and events (runs a Temporal workflow) */
        get: operations["getTenantSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Track a customer event (Segment track call)
         * @description Stores the event for the customer named by userId (externalId) or email, creating that customer unless the tenant turned it off; with only an anonymousId the event waits for an identify. A repeated messageId stores nothing and answers deduplicated: true.
         *
         *     Checked beyond this schema:
         *     - 422: timestamp must not be more than 24 hours ahead of the server clock (older ones are stored as backfills)
         *     - 422: properties and context must each be at most 32 KB as JSON (UTF-8)
         *     - 404: when the tenant setting eventsCreateCustomers is false, a userId or email that names no customer is refused
         *     - 409: a userId that names no customer, sent with an email that another customer (with another externalId) holds
         */
        post: operations["postTrack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's endpoints
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getWebhooks"];
        put?: never;
        /**
         * Create an endpoint (the secret is shown in this answer only)
         * @description The URL is checked now, not at the first delivery. Checked when the endpoint is created or its URL changed, before anything is stored: the host must resolve (DNS) here, and every address it resolves to (or the literal address) must be public. A host without a DNS answer is refused with 422 "does not resolve"; one that is or resolves to a loopback, private, link-local or reserved address with 422 "private or reserved address" (an operator can allow such hosts or networks in the deployment's configuration). Deliveries check the address again on every connection.
         *
         *     Checked beyond this schema:
         *     - 422: the url host must resolve ("host … does not resolve"), and only to addresses the SSRF guard allows ("… private or reserved address"), unless WEBHOOK_ALLOWED_HOSTS lists the host
         *     - 422: an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)
         *     - 409: an Idempotency-Key whose first request is still running is refused; retry shortly
         */
        post: operations["postWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint (without its secret) */
        get: operations["getWebhooksId"];
        put?: never;
        post?: never;
        /** Delete an endpoint with its deliveries */
        delete: operations["deleteWebhooksId"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint; enabling a disabled one delivers what it missed
         * @description A new URL is checked as on create; nothing changes when it is refused. Checked when the endpoint is created or its URL changed, before anything is stored: the host must resolve (DNS) here, and every address it resolves to (or the literal address) must be public. A host without a DNS answer is refused with 422 "does not resolve"; one that is or resolves to a loopback, private, link-local or reserved address with 422 "private or reserved address" (an operator can allow such hosts or networks in the deployment's configuration). Deliveries check the address again on every connection.
         *
         *     Checked beyond this schema:
         *     - 422: the url host must resolve ("host … does not resolve"), and only to addresses the SSRF guard allows ("… private or reserved address"), unless WEBHOOK_ALLOWED_HOSTS lists the host
         */
        patch: operations["patchWebhooksId"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An endpoint's deliveries, filtered by status, type and time
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getWebhooksIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay all or failed deliveries of a time range, as a job with progress */
        post: operations["postWebhooksIdReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An endpoint's replay jobs with their progress, newest first, page or cursor pagination
         * @description Checked beyond this schema:
         *     - 400: `cursor` must be a `nextCursor` this list returned, used with the same sort
         */
        get: operations["getWebhooksIdReplays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/replays/{replayId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A replay job and its progress */
        get: operations["getWebhooksIdReplaysReplayId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new secret; the old one keeps signing for 24 h (both signatures sent) */
        post: operations["postWebhooksIdRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint */
        post: operations["postWebhooksIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event types an endpoint can subscribe to */
        get: operations["getWebhooksEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Postgres and Temporal are reachable */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "campaign.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign was cancelled
         * @description A campaign was cancelled. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.campaign.cancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign finished
         * @description A campaign finished. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.campaign.completed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.paused": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign was paused
         * @description A campaign was paused. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.campaign.paused"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.resumed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign resumed
         * @description A campaign resumed. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.campaign.resumed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.scheduled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign was scheduled
         * @description A campaign was scheduled. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.campaign.scheduled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign was sent (POST /campaigns/:id/send); its messages are handed to providers after campaign.started
         * @description A campaign was sent (POST /campaigns/:id/send); its messages are handed to providers after campaign.started. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.campaign.sent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign started sending
         * @description A campaign started sending. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.campaign.started"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.blocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer was blocked
         * @description A customer was blocked. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.blocked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer was created
         * @description A customer was created. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer was deleted (soft or permanent)
         * @description A customer was deleted (soft or permanent). Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer event was tracked (POST /track or /batch). Delivered only to endpoints that name it: not through `*` or `customer.*`
         * @description A customer event was tracked (POST /track or /batch). Delivered only to endpoints that name it: not through `*` or `customer.*`. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.status_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer's status changed
         * @description A customer's status changed. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.status_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.tags_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer's tags changed
         * @description A customer's tags changed. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.tags_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.unblocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer was unblocked
         * @description A customer was unblocked. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.unblocked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer changed (PUT/PATCH, type, or an unsubscribe through a message link)
         * @description A customer changed (PUT/PATCH, type, or an unsubscribe through a message link). Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.customer.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A webhook endpoint was disabled (failing for too long, or it answered 410)
         * @description A webhook endpoint was disabled (failing for too long, or it answered 410). Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.endpoint.disabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "import.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bulk import finished
         * @description A bulk import finished. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.import.completed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "import.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bulk import failed
         * @description A bulk import failed. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.import.failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "journey.converted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A journey run reached the journey's goal
         * @description A journey run reached the journey's goal. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.journey.converted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "journey.entered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer entered a journey (a run started)
         * @description A customer entered a journey (a run started). Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.journey.entered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "journey.exited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A journey run exited before its end (exit node, exit rule, conversion, migration)
         * @description A journey run exited before its end (exit node, exit rule, conversion, migration). Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.journey.exited"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order was placed
         * @description An order was placed. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.order.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.status_updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order's status changed
         * @description An order's status changed. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.order.status_updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "segment.entered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer entered a segment
         * @description A customer entered a segment. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.segment.entered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "segment.exited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer left a segment
         * @description A customer left a segment. Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again) as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.segment.exited"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A test event sent by POST /webhooks/:id/test (only to that endpoint)
         * @description A test event sent by POST /webhooks/:id/test (only to that endpoint). Sent only to the endpoint being tested as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.
         */
        post: operations["webhook.webhook.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        ApiKey: {
            createdAt: string;
            /** Format: uuid */
            customerId: string | null;
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            lastUsedAt: string | null;
            name: string;
            /** @description The first characters of the key, to tell keys apart */
            prefix: string;
            revokedAt: string | null;
            /** @enum {string} */
            role: "admin" | "member" | "readonly" | "customer";
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
            pagination: components["schemas"]["Pagination"];
        };
        ApiKeyResponse: {
            data: components["schemas"]["ApiKey"];
        };
        /** @description Up to 500 items and 500 KB */
        BatchCall: {
            batch: {
                [key: string]: unknown;
            }[];
            /** @description Context shared by the items (used where an item has none) */
            context?: {
                [key: string]: unknown;
            };
        };
        BatchResponse: {
            data: {
                accepted: number;
                deduplicated: number;
                failed: number;
                /** @description One per item, in order */
                results: {
                    created?: boolean;
                    /** Format: uuid */
                    customerId?: string | null;
                    deduplicated?: boolean;
                    error?: {
                        code: string;
                        details?: unknown;
                        message: string;
                        status: number;
                    };
                    /** Format: uuid */
                    id?: string;
                    index: number;
                    mergedEvents?: number;
                    ok: boolean;
                    type: string;
                }[];
            };
        };
        BlockInput: {
            blockReason?: string;
            isBlocked: boolean;
        };
        BulkImportBody: {
            customers: unknown[];
            options?: components["schemas"]["ImportOptions"];
        };
        /** @description The data of campaign.cancelled: a campaign was cancelled */
        CampaignCancelledData: {
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            name: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
        };
        /** @description The body of a campaign.cancelled webhook. A campaign was cancelled. */
        CampaignCancelledEvent: {
            data: components["schemas"]["CampaignCancelledData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "campaign.cancelled";
        };
        /** @description The data of campaign.completed: a campaign finished */
        CampaignCompletedData: {
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            delivered: number;
            failed: number;
            name: string;
            sent: number;
            skipped: number;
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
        };
        /** @description The body of a campaign.completed webhook. A campaign finished. */
        CampaignCompletedEvent: {
            data: components["schemas"]["CampaignCompletedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "campaign.completed";
        };
        CampaignList: {
            data: {
                audience: {
                    [key: string]: unknown;
                };
                body: string;
                /** @enum {string} */
                channel: "email" | "sms";
                createdAt: string;
                createdBy: string | null;
                finishedAt: string | null;
                /** Format: uuid */
                id: string;
                kind: string;
                name: string;
                options: {
                    [key: string]: unknown;
                };
                /** Format: uuid */
                parentId: string | null;
                schedule: {
                    [key: string]: unknown;
                };
                scheduledAt: string | null;
                startedAt: string | null;
                /** @enum {string} */
                status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                statusReason: string | null;
                subject: string | null;
                updatedAt: string;
            }[];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description The data of campaign.paused: a campaign was paused */
        CampaignPausedData: {
            /** @description True when Herald paused it (the failure rate passed the campaign's autoPauseFailureRate) */
            automatic: boolean;
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            name: string;
            /** @description Why it was paused */
            reason: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
        };
        /** @description The body of a campaign.paused webhook. A campaign was paused. */
        CampaignPausedEvent: {
            data: components["schemas"]["CampaignPausedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "campaign.paused";
        };
        /** @description The data of campaign.resumed: a campaign resumed */
        CampaignResumedData: {
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            name: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
        };
        /** @description The body of a campaign.resumed webhook. A campaign resumed. */
        CampaignResumedEvent: {
            data: components["schemas"]["CampaignResumedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "campaign.resumed";
        };
        /** @description The data of campaign.scheduled: a campaign was scheduled */
        CampaignScheduledData: {
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            name: string;
            schedule: {
                /** @enum {string} */
                type: "now";
            } | {
                at: string;
                /** @enum {string} */
                type: "at";
            } | {
                cron: string;
                timezone: string;
                /** @enum {string} */
                type: "recurring";
            };
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
        };
        /** @description The body of a campaign.scheduled webhook. A campaign was scheduled. */
        CampaignScheduledEvent: {
            data: components["schemas"]["CampaignScheduledData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "campaign.scheduled";
        };
        /** @description The data of campaign.sent: a campaign was sent (POST /campaigns/:id/send); its messages are handed to providers after campaign.started */
        CampaignSentData: {
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            name: string;
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
        };
        /** @description The body of a campaign.sent webhook. A campaign was sent (POST /campaigns/:id/send); its messages are handed to providers after campaign.started. */
        CampaignSentEvent: {
            data: components["schemas"]["CampaignSentData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "campaign.sent";
        };
        /** @description The data of campaign.started: a campaign started sending */
        CampaignStartedData: {
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            name: string;
            queued: number;
            /** @description Customers in the audience snapshot */
            recipients: number;
            skipped: number;
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
        };
        /** @description The body of a campaign.started webhook. A campaign started sending. */
        CampaignStartedEvent: {
            data: components["schemas"]["CampaignStartedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "campaign.started";
        };
        ComplaintStatistics: {
            complaintsByCategory: {
                [key: string]: number;
            };
            /** Format: date-time */
            lastComplaintDate: string | null;
            openComplaints: number;
            resolvedComplaints: number;
            totalComplaints: number;
        };
        ConfigInput: {
            [key: string]: unknown;
        };
        ConversationSummary: {
            /** @description The customer end: E.164 phone or whatsapp:+E164 */
            address: string | null;
            assignee: string | null;
            category: string | null;
            /** @enum {string} */
            channel: "sms" | "whatsapp" | "note";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            customerId: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastInboundAt: string | null;
            /** Format: date-time */
            lastMessageAt: string | null;
            messageCount: number;
            /** Format: date-time */
            resolvedAt: string | null;
            satisfaction: number | null;
            /** @enum {string} */
            status: "open" | "pending" | "resolved";
            subject: string | null;
            /** @enum {string} */
            type: "conversation" | "complaint";
            /** Format: date-time */
            updatedAt: string;
        };
        CreateApiKey: {
            /** Format: uuid */
            customerId?: string;
            /** Format: date-time */
            expiresAt?: string;
            name: string;
            /**
             * @default member
             * @enum {string}
             */
            role?: "admin" | "member" | "readonly" | "customer";
        };
        CreatedApiKey: {
            data: {
                createdAt: string;
                /** Format: uuid */
                customerId: string | null;
                expiresAt: string | null;
                /** Format: uuid */
                id: string;
                /** @description The key; shown once, store it now */
                key: string;
                lastUsedAt: string | null;
                name: string;
                /** @description The first characters of the key, to tell keys apart */
                prefix: string;
                revokedAt: string | null;
                /** @enum {string} */
                role: "admin" | "member" | "readonly" | "customer";
            };
        };
        CreateOrder: {
            /** @description Defaults to USD */
            currency?: string;
            /** Format: uuid */
            customerId: string;
            discount?: number;
            items: components["schemas"]["OrderItemInput"][];
            metadata?: {
                [key: string]: unknown;
            };
            notes?: string;
            /** @description Generated when absent; unique per tenant */
            orderNumber?: string;
            shipping?: number;
            shippingAddress?: components["schemas"]["ShippingAddressInput"];
            /** @description If sent, must equal Σ price × quantity */
            subtotal?: number;
            tax?: number;
            /** @description If sent, must equal subtotal + tax + shipping − discount */
            total?: number;
        };
        CreateSegment: {
            description?: string | null;
            name: string;
            rules: components["schemas"]["SegmentRule"];
        };
        CreateWebhook: {
            description?: string | null;
            enabled?: boolean;
            /**
             * @description Exact types, family wildcards such as customer.*, or * (see /webhooks/event-types)
             * @default [
             *       "*"
             *     ]
             */
            events?: ("*" | "customer.*" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.blocked" | "customer.unblocked" | "customer.status_changed" | "customer.tags_changed" | "customer.event" | "order.*" | "order.created" | "order.status_updated" | "segment.*" | "segment.entered" | "segment.exited" | "import.*" | "import.completed" | "import.failed" | "campaign.*" | "campaign.scheduled" | "campaign.started" | "campaign.paused" | "campaign.resumed" | "campaign.cancelled" | "campaign.sent" | "campaign.completed" | "endpoint.*" | "endpoint.disabled" | "journey.*" | "journey.entered" | "journey.converted" | "journey.exited" | "webhook.*" | "webhook.test")[];
            headers?: {
                [key: string]: string;
            };
            /** @description Requests in flight at once */
            maxConcurrency?: number;
            /** @description Deliveries per second at most; null for no limit */
            rateLimit?: number | null;
            /** @description whsec_<base64> or 16–128 printable characters; generated when absent */
            secret?: string;
            /**
             * Format: uri
             * @description http or https URL. Checked when the endpoint is created or its URL changed, before anything is stored: the host must resolve (DNS) here, and every address it resolves to (or the literal address) must be public. A host without a DNS answer is refused with 422 "does not resolve"; one that is or resolves to a loopback, private, link-local or reserved address with 422 "private or reserved address" (an operator can allow such hosts or networks in the deployment's configuration). Deliveries check the address again on every connection.
             */
            url: string;
        };
        Customer: {
            address: {
                city: string | null;
                coordinates: {
                    latitude: number;
                    longitude: number;
                } | null;
                country: string | null;
                postalCode: string | null;
                state: string | null;
                street: string | null;
            };
            alternativePhones: string[];
            avatar: string | null;
            /** Format: date-time */
            blockedAt: string | null;
            blockReason: string | null;
            /** Format: date-time */
            createdAt: string;
            customFields: {
                [key: string]: string;
            };
            email: string | null;
            externalId: string | null;
            firstName: string | null;
            fullName: string | null;
            /** Format: uuid */
            id: string;
            isBlocked: boolean;
            lastName: string | null;
            metadata: {
                /** Format: date-time */
                createdAt: string;
                createdBy: string | null;
                /** Format: date-time */
                lastModifiedAt: string;
                lastModifiedBy: string | null;
            };
            notes: string | null;
            /** @description E.164 */
            phone: string | null;
            preferences: {
                communicationHours: {
                    end: string;
                    start: string;
                } | null;
                email: boolean;
                language: string | null;
                newsletter: boolean;
                sms: boolean;
                timezone: string | null;
            };
            /** @enum {string|null} */
            segment: "vip" | "regular" | "new" | "inactive" | null;
            /** @enum {string} */
            source: "whatsapp" | "referral" | "website" | "social_media" | "import" | "api" | "other";
            statistics: {
                averageOrderValue: number;
                /** Format: date-time */
                firstOrderAt: string | null;
                /** Format: date-time */
                lastInteractionAt: string | null;
                /** Format: date-time */
                lastOrderAt: string | null;
                /** @description Orders not cancelled or refunded: the ones totalSpent and averageOrderValue count */
                paidOrders: number;
                /** @description Every order of the customer, whatever its status (cancelled and refunded included) */
                totalOrders: number;
                totalSpent: number;
            };
            /** @enum {string} */
            status: "active" | "inactive" | "blocked" | "suspended";
            statusReason: string | null;
            tags: string[];
            /** @enum {string} */
            tier: "regular" | "premium" | "vip";
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description The data of customer.blocked: a customer was blocked */
        CustomerBlockedData: {
            customer: components["schemas"]["Customer"];
            /** @description Why, as given by whoever made the change; null when none was given */
            reason: string | null;
        };
        /** @description The body of a customer.blocked webhook. A customer was blocked. */
        CustomerBlockedEvent: {
            data: components["schemas"]["CustomerBlockedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.blocked";
        };
        CustomerConversationList: {
            data: components["schemas"]["ConversationSummary"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description The data of customer.created: a customer was created */
        CustomerCreatedData: {
            customer: components["schemas"]["Customer"];
            /**
             * Format: uuid
             * @description The import that created the customer (only with the import option emitCustomerEvents)
             */
            importId?: string;
        };
        /** @description The body of a customer.created webhook. A customer was created. */
        CustomerCreatedEvent: {
            data: components["schemas"]["CustomerCreatedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.created";
        };
        CustomerCreateInput: {
            address?: {
                city?: string | null;
                coordinates?: {
                    latitude: number;
                    longitude: number;
                } | null;
                country?: string | null;
                postalCode?: string | null;
                state?: string | null;
                street?: string | null;
                zipCode?: string | null;
            } | null;
            alternativePhones?: string[];
            authentication?: unknown;
            /** Format: uri */
            avatar?: string | null;
            billing_address?: {
                address_street_1?: string | null;
                address_street_2?: string | null;
                city?: string | null;
                country?: string | null;
                country_id?: unknown;
                state?: string | null;
                state_id?: unknown;
                zip?: string | null;
            } | null;
            contact_name?: string | null;
            /**
             * @description Seed alias of phone: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
             * @example +52 999 123 4567
             */
            contactNumber?: string | null;
            /** @enum {string} */
            customerStatus?: "active" | "inactive" | "blocked" | "suspended";
            /** @enum {string} */
            customerType?: "regular" | "premium" | "vip";
            customFields?: {
                [key: string]: string;
            };
            /** Format: email */
            email?: string | null;
            externalId?: string | null;
            firstName?: string | null;
            fullName?: string | null;
            lastName?: string | null;
            location?: {
                city?: string | null;
                coordinates?: {
                    latitude: number;
                    longitude: number;
                } | null;
                country?: string | null;
                postalCode?: string | null;
                state?: string | null;
                street?: string | null;
                zipCode?: string | null;
            } | null;
            name?: string | null;
            notes?: string | null;
            /**
             * @description Normalised to E.164: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
             * @example +52 999 123 4567
             */
            phone?: string | null;
            /**
             * @description Seed alias of phone: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
             * @example +52 999 123 4567
             */
            phoneNumber?: string | null;
            preferences?: {
                /** @enum {string} */
                channel?: "email" | "sms";
                communicationHours?: {
                    end: string;
                    start: string;
                } | null;
                email?: boolean;
                emailNotifications?: boolean;
                frequency?: string;
                language?: string | null;
                newsletter?: boolean;
                preferredAgent?: string;
                sms?: boolean;
                smsNotifications?: boolean;
                timezone?: string | null;
            };
            /** @enum {string|null} */
            segment?: "vip" | "regular" | "new" | "inactive" | null;
            /** @enum {string|null} */
            segmentLabel?: "vip" | "regular" | "new" | "inactive" | null;
            send_after_created_email?: unknown;
            /** @enum {string} */
            source?: "whatsapp" | "referral" | "website" | "social_media" | "import" | "api" | "other";
            /** @enum {string} */
            status?: "active" | "inactive" | "blocked" | "suspended";
            tags?: string[];
            /** @enum {string} */
            tier?: "regular" | "premium" | "vip";
        } | {
            email: string;
        } | {
            phone: string;
        } | {
            phoneNumber: string;
        } | {
            contactNumber: string;
        } | {
            name: string;
        } | {
            fullName: string;
        } | {
            firstName: string;
        } | {
            lastName: string;
        } | {
            externalId: string;
        };
        /** @description The data of customer.deleted: a customer was deleted (soft or permanent) */
        CustomerDeletedData: {
            /** Format: uuid */
            customerId: string;
            /** @description True when the customer and their orders were erased; false for a soft delete */
            permanent: boolean;
        };
        /** @description The body of a customer.deleted webhook. A customer was deleted (soft or permanent). */
        CustomerDeletedEvent: {
            data: components["schemas"]["CustomerDeletedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.deleted";
        };
        CustomerDetailResponse: {
            data: {
                address: {
                    city: string | null;
                    coordinates: {
                        latitude: number;
                        longitude: number;
                    } | null;
                    country: string | null;
                    postalCode: string | null;
                    state: string | null;
                    street: string | null;
                };
                alternativePhones: string[];
                avatar: string | null;
                /** Format: date-time */
                blockedAt: string | null;
                blockReason: string | null;
                complaintStatistics: components["schemas"]["ComplaintStatistics"];
                /** Format: date-time */
                createdAt: string;
                customFields: {
                    [key: string]: string;
                };
                email: string | null;
                externalId: string | null;
                firstName: string | null;
                fullName: string | null;
                /** Format: uuid */
                id: string;
                isBlocked: boolean;
                lastName: string | null;
                metadata: {
                    /** Format: date-time */
                    createdAt: string;
                    createdBy: string | null;
                    /** Format: date-time */
                    lastModifiedAt: string;
                    lastModifiedBy: string | null;
                };
                notes: string | null;
                /** @description E.164 */
                phone: string | null;
                preferences: {
                    communicationHours: {
                        end: string;
                        start: string;
                    } | null;
                    email: boolean;
                    language: string | null;
                    newsletter: boolean;
                    sms: boolean;
                    timezone: string | null;
                };
                recentConversations: components["schemas"]["ConversationSummary"][];
                recentOrders: unknown[];
                /** @enum {string|null} */
                segment: "vip" | "regular" | "new" | "inactive" | null;
                /** @enum {string} */
                source: "whatsapp" | "referral" | "website" | "social_media" | "import" | "api" | "other";
                statistics: {
                    averageOrderValue: number;
                    /** @description Mean milliseconds from a customer's unanswered inbound message to the first agent reply; null before any reply */
                    averageResponseTime: number | null;
                    /** Format: date-time */
                    firstContact: string | null;
                    /** Format: date-time */
                    firstOrderAt: string | null;
                    /**
                     * Format: date-time
                     * @description Latest conversation activity (statistics.lastInteractionAt is the order-side one)
                     */
                    lastInteraction: string | null;
                    /** Format: date-time */
                    lastInteractionAt: string | null;
                    /** Format: date-time */
                    lastMessageAt: string | null;
                    /** Format: date-time */
                    lastOrderAt: string | null;
                    /** @description Complaints not resolved (open or pending) */
                    openComplaints: number;
                    openConversations: number;
                    /** @description Orders not cancelled or refunded: the ones totalSpent and averageOrderValue count */
                    paidOrders: number;
                    resolvedConversations: number;
                    /** @description Mean satisfaction (1–5) of rated conversations, two decimals; null when none */
                    satisfactionScore: number | null;
                    totalComplaints: number;
                    totalConversations: number;
                    totalMessages: number;
                    /** @description Every order of the customer, whatever its status (cancelled and refunded included) */
                    totalOrders: number;
                    totalSpent: number;
                };
                /** @enum {string} */
                status: "active" | "inactive" | "blocked" | "suspended";
                statusReason: string | null;
                tags: string[];
                /** @enum {string} */
                tier: "regular" | "premium" | "vip";
                /** Format: date-time */
                updatedAt: string;
            };
        };
        CustomerEvent: {
            anonymousId: string | null;
            /** @description True when the event occurred more than 24 h before it was received */
            backfill: boolean;
            context: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            customerId: string | null;
            /** Format: uuid */
            id: string;
            messageId: string | null;
            name: string;
            occurredAt: string;
            properties: {
                [key: string]: unknown;
            };
            receivedAt: string;
        };
        /** @description The data of customer.event: a customer event was tracked (POST /track or /batch). Delivered only to endpoints that name it: not through `*` or `customer.*` */
        CustomerEventData: {
            anonymousId: string | null;
            /** @description True when the event occurred more than 24 h before Herald received it */
            backfill: boolean;
            /**
             * Format: uuid
             * @description The customer; null for an event known only by anonymousId (until an identify merges it)
             */
            customerId: string | null;
            /** Format: uuid */
            eventId: string;
            messageId: string | null;
            /** @description The event name as tracked ("Viewed Product") */
            name: string;
            /** Format: date-time */
            occurredAt: string;
            properties: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            receivedAt: string;
        };
        /** @description The body of a customer.event webhook. A customer event was tracked (POST /track or /batch). Delivered only to endpoints that name it: not through `*` or `customer.*`. */
        CustomerEventEvent: {
            data: components["schemas"]["CustomerEventData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.event";
        };
        CustomerEventList: {
            data: components["schemas"]["CustomerEvent"][];
            pagination: components["schemas"]["Pagination"];
        };
        CustomerInput: {
            address?: {
                city?: string | null;
                coordinates?: {
                    latitude: number;
                    longitude: number;
                } | null;
                country?: string | null;
                postalCode?: string | null;
                state?: string | null;
                street?: string | null;
                zipCode?: string | null;
            } | null;
            alternativePhones?: string[];
            authentication?: unknown;
            /** Format: uri */
            avatar?: string | null;
            billing_address?: {
                address_street_1?: string | null;
                address_street_2?: string | null;
                city?: string | null;
                country?: string | null;
                country_id?: unknown;
                state?: string | null;
                state_id?: unknown;
                zip?: string | null;
            } | null;
            contact_name?: string | null;
            /**
             * @description Seed alias of phone: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
             * @example +52 999 123 4567
             */
            contactNumber?: string | null;
            /** @enum {string} */
            customerStatus?: "active" | "inactive" | "blocked" | "suspended";
            /** @enum {string} */
            customerType?: "regular" | "premium" | "vip";
            customFields?: {
                [key: string]: string;
            };
            /** Format: email */
            email?: string | null;
            externalId?: string | null;
            firstName?: string | null;
            fullName?: string | null;
            lastName?: string | null;
            location?: {
                city?: string | null;
                coordinates?: {
                    latitude: number;
                    longitude: number;
                } | null;
                country?: string | null;
                postalCode?: string | null;
                state?: string | null;
                street?: string | null;
                zipCode?: string | null;
            } | null;
            name?: string | null;
            notes?: string | null;
            /**
             * @description Normalised to E.164: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
             * @example +52 999 123 4567
             */
            phone?: string | null;
            /**
             * @description Seed alias of phone: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
             * @example +52 999 123 4567
             */
            phoneNumber?: string | null;
            preferences?: {
                /** @enum {string} */
                channel?: "email" | "sms";
                communicationHours?: {
                    end: string;
                    start: string;
                } | null;
                email?: boolean;
                emailNotifications?: boolean;
                frequency?: string;
                language?: string | null;
                newsletter?: boolean;
                preferredAgent?: string;
                sms?: boolean;
                smsNotifications?: boolean;
                timezone?: string | null;
            };
            /** @enum {string|null} */
            segment?: "vip" | "regular" | "new" | "inactive" | null;
            /** @enum {string|null} */
            segmentLabel?: "vip" | "regular" | "new" | "inactive" | null;
            send_after_created_email?: unknown;
            /** @enum {string} */
            source?: "whatsapp" | "referral" | "website" | "social_media" | "import" | "api" | "other";
            /** @enum {string} */
            status?: "active" | "inactive" | "blocked" | "suspended";
            tags?: string[];
            /** @enum {string} */
            tier?: "regular" | "premium" | "vip";
        };
        CustomerList: {
            data: components["schemas"]["Customer"][];
            pagination: components["schemas"]["Pagination"];
        };
        CustomerNote: {
            /** Format: date-time */
            addedAt: string;
            addedBy: string | null;
            content: string;
            /** Format: uuid */
            noteId: string;
        };
        CustomerNoteList: {
            data: components["schemas"]["CustomerNote"][];
            pagination: components["schemas"]["Pagination"];
        };
        CustomerResponse: {
            data: components["schemas"]["Customer"];
        };
        /** @description The data of customer.status_changed: a customer's status changed */
        CustomerStatusChangedData: {
            customer: components["schemas"]["Customer"];
            /** @enum {string} */
            from: "active" | "inactive" | "blocked" | "suspended";
            /** @description Why, as given by whoever made the change; null when none was given */
            reason: string | null;
            /** @enum {string} */
            to: "active" | "inactive" | "blocked" | "suspended";
        };
        /** @description The body of a customer.status_changed webhook. A customer's status changed. */
        CustomerStatusChangedEvent: {
            data: components["schemas"]["CustomerStatusChangedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.status_changed";
        };
        /** @description The data of customer.tags_changed: a customer's tags changed */
        CustomerTagsChangedData: {
            /**
             * @description How the tags were changed (`set` for PUT/PATCH of the customer)
             * @enum {string}
             */
            action: "set" | "add" | "remove";
            customer: components["schemas"]["Customer"];
            from: string[];
            to: string[];
        };
        /** @description The body of a customer.tags_changed webhook. A customer's tags changed. */
        CustomerTagsChangedEvent: {
            data: components["schemas"]["CustomerTagsChangedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.tags_changed";
        };
        /** @description The data of customer.unblocked: a customer was unblocked */
        CustomerUnblockedData: {
            customer: components["schemas"]["Customer"];
            /** @description Why, as given by whoever made the change; null when none was given */
            reason: string | null;
        };
        /** @description The body of a customer.unblocked webhook. A customer was unblocked. */
        CustomerUnblockedEvent: {
            data: components["schemas"]["CustomerUnblockedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.unblocked";
        };
        /** @description The data of customer.updated: a customer changed (PUT/PATCH, type, or an unsubscribe through a message link) */
        CustomerUpdatedData: {
            /**
             * Format: uuid
             * @description The campaign whose message the customer unsubscribed from
             */
            campaignId?: string;
            /** @description The changed fields, named as the API names them (`email`, `preferences.email`, `address.city`, …) */
            changed: string[];
            customer: components["schemas"]["Customer"];
            /**
             * @description The previous tier (only for PUT /customers/:id/type)
             * @enum {string}
             */
            from?: "regular" | "premium" | "vip";
            /**
             * @description Present when the customer unsubscribed through a message link
             * @enum {string}
             */
            reason?: "unsubscribed";
            /**
             * @description The new tier (only for PUT /customers/:id/type)
             * @enum {string}
             */
            to?: "regular" | "premium" | "vip";
        };
        /** @description The body of a customer.updated webhook. A customer changed (PUT/PATCH, type, or an unsubscribe through a message link). */
        CustomerUpdatedEvent: {
            data: components["schemas"]["CustomerUpdatedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "customer.updated";
        };
        /** @description The data of endpoint.disabled: a webhook endpoint was disabled (failing for too long, or it answered 410) */
        EndpointDisabledData: {
            /** Format: uuid */
            endpointId: string;
            /** Format: date-time */
            failingSince: string;
            /**
             * @description `gone`: the endpoint answered 410; `failing`: no success for WEBHOOK_DISABLE_AFTER (5 days by default)
             * @enum {string}
             */
            reason: "gone" | "failing";
        };
        /** @description The body of a endpoint.disabled webhook. A webhook endpoint was disabled (failing for too long, or it answered 410). */
        EndpointDisabledEvent: {
            data: components["schemas"]["EndpointDisabledData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "endpoint.disabled";
        };
        Error: {
            error: {
                /** @example validation_failed */
                code: string;
                details?: unknown;
                message: string;
            };
        };
        EventNames: {
            data: {
                /** @description Events received under this name (retention does not lower it) */
                count: number;
                firstSeenAt: string;
                /** @description The latest occurrence */
                lastSeenAt: string;
                name: string;
            }[];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        /** @description A Segment identify call: creates or updates the customer named by userId or email */
        IdentifyCall: {
            /** @description An id of someone not identified yet; their events are attached to the customer when an identify carries it with a userId */
            anonymousId?: string;
            context?: {
                [key: string]: unknown;
            };
            /**
             * Format: email
             * @description Identifies the customer when no userId is sent (traits.email does too)
             */
            email?: string;
            /** @description Accepted for Segment compatibility; identify is idempotent by itself */
            messageId?: string;
            /** Format: date-time */
            timestamp?: string;
            /**
             * @description Traits: email, phone, firstName, lastName, name, avatar, tags and address set those fields; any other trait is kept in customFields as text (null removes it)
             * @default {}
             */
            traits?: {
                address?: ({
                    city?: string | null;
                    country?: string | null;
                    postalCode?: string | null;
                    state?: string | null;
                    street?: string | null;
                } & {
                    [key: string]: unknown;
                }) | null;
                /** Format: uri */
                avatar?: string | null;
                /** Format: email */
                email?: string | null;
                firstName?: string | null;
                lastName?: string | null;
                /** @description The customer's full name */
                name?: string | null;
                /**
                 * @description Normalised to E.164: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
                 * @example +52 999 123 4567
                 */
                phone?: string | null;
                tags?: string[];
            } & {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type?: "identify";
            /** @description The customer's externalId (Segment's userId) */
            userId?: string;
        };
        Import: {
            createdAt: string;
            error: string | null;
            fileName: string | null;
            finishedAt: string | null;
            /** @enum {string} */
            format: "csv" | "json" | "ndjson";
            /** Format: uuid */
            id: string;
            options: {
                [key: string]: unknown;
            };
            progress: {
                duplicates: number;
                duplicatesExisting: number;
                duplicatesInFile: number;
                etaSeconds: number | null;
                failed: number;
                imported: number;
                percent: number;
                processed: number;
                rowsPerSecond: number | null;
                total: number;
                updated: number;
            };
            startedAt: string | null;
            /** @enum {string} */
            status: "receiving" | "queued" | "running" | "completed" | "failed" | "cancelled";
        };
        /** @description The data of import.completed: a bulk import finished */
        ImportCompletedData: {
            counts: {
                /** @description duplicatesInFile + duplicatesExisting */
                duplicates: number;
                duplicatesExisting: number;
                duplicatesInFile: number;
                failed: number;
                imported: number;
                processed: number;
                total: number;
                updated: number;
            };
            dryRun: boolean;
            /** Format: uuid */
            importId: string;
        };
        /** @description The body of a import.completed webhook. A bulk import finished. */
        ImportCompletedEvent: {
            data: components["schemas"]["ImportCompletedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "import.completed";
        };
        ImportError: {
            field: string | null;
            message: string;
            row: number;
        };
        ImportErrorList: {
            data: components["schemas"]["ImportError"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description The data of import.failed: a bulk import failed */
        ImportFailedData: {
            /** @description The counts when it failed */
            counts: {
                /** @description duplicatesInFile + duplicatesExisting */
                duplicates: number;
                duplicatesExisting: number;
                duplicatesInFile: number;
                failed: number;
                imported: number;
                processed: number;
                total: number;
                updated: number;
            };
            error: string;
            /** Format: uuid */
            importId: string;
        };
        /** @description The body of a import.failed webhook. A bulk import failed. */
        ImportFailedEvent: {
            data: components["schemas"]["ImportFailedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "import.failed";
        };
        ImportOptions: {
            /**
             * @default [
             *       "email",
             *       "phone",
             *       "externalId"
             *     ]
             */
            dedupeKeys?: ("email" | "phone" | "externalId")[];
            defaultRegion?: string;
            /** @default false */
            dryRun?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
            /**
             * @default skip
             * @enum {string}
             */
            duplicateMode?: "skip" | "update" | "upsert";
            /** @default false */
            emitCustomerEvents?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
            /** @default {} */
            mapping?: {
                [key: string]: string;
            };
            /** @default true */
            unknownColumnsToCustomFields?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
        };
        Journey: {
            archivedAt: string | null;
            createdAt: string;
            createdBy: string | null;
            currentVersion: number | null;
            /** Format: uuid */
            currentVersionId: string | null;
            description: string | null;
            draft: components["schemas"]["JourneyDefinition"];
            /** Format: uuid */
            id: string;
            name: string;
            pausedAt: string | null;
            /** @description What keeps the draft from publishing (graph, templates, references); empty when it can be published */
            problems: {
                message: string;
                path: string;
            }[];
            /** @enum {string} */
            status: "draft" | "active" | "paused" | "archived";
            updatedAt: string;
        };
        JourneyAnalytics: {
            data: {
                /** @description RFC 3339 UTC */
                asOf: string;
                edges: {
                    from: string;
                    /** @description Steps of `from` whose next node was `to` */
                    taken: number;
                    to: string;
                    /** @description The ways the definition leads from `from` to `to` (usually one) */
                    via: {
                        /** @description The position of the branch or path in its node */
                        index: number | null;
                        /**
                         * @description next: the next node (or the awaited event arrived); timeout: the timeout branch of a wait; branch/else: a branch node; path: a random split
                         * @enum {string}
                         */
                        kind: "next" | "timeout" | "branch" | "else" | "path";
                        /** @description The name of the branch or path */
                        name: string | null;
                    }[];
                }[];
                /** @description null when the version has no goal */
                goal: {
                    bySendNode: {
                        /** @description Conversions whose last message this node sent */
                        conversions: number;
                        nodeId: string;
                    }[];
                    /** @description converted / entered, to four decimals */
                    conversionRate: number;
                    /** @description Runs on this version that converted */
                    converted: number;
                    /** @description Runs on this version */
                    entered: number;
                    /** @description Conversions with no message of this version before them */
                    unattributed: number;
                } | null;
                /** Format: uuid */
                journeyId: string;
                /** @description Every node of the version, in definition order */
                nodes: {
                    /** @description Steps finished done */
                    completed: number;
                    /** @description Visits: steps of this node, whatever their status */
                    entered: number;
                    /** @description Runs that ended exited at this node */
                    exited: number;
                    /** @description exited by end reason: exit_node, exit_rule, converted, migrated_to_exit… */
                    exitedByReason: {
                        [key: string]: number;
                    };
                    /** @description Steps finished failed (the run went on) */
                    failed: number;
                    name: string | null;
                    nodeId: string;
                    /** @description Runs that completed after this node */
                    runsCompleted: number;
                    /** @description Runs that ended failed at this node */
                    runsFailed: number;
                    /** @enum {string} */
                    type: "delay" | "wait_until" | "wait_for_event" | "branch" | "random_split" | "send" | "webhook" | "update_customer" | "exit";
                    /** @description Open runs at this node now */
                    waiting: number;
                }[];
                sends: {
                    /**
                     * Format: uuid
                     * @description The hidden campaign whose ledger holds the messages of this node
                     */
                    campaignId: string | null;
                    /** @description Cancelled */
                    cancelled: number;
                    /** @enum {string} */
                    channel: "email" | "sms";
                    /** @description Clicked */
                    clicked: number;
                    /** @description Held until a later time (quiet hours, frequency cap, retry backoff) */
                    deferred: number;
                    /** @description Delivered */
                    delivered: number;
                    /** @description Failed permanently */
                    failed: number;
                    /** @description Ledger rows: steps that reached the send */
                    messages: number;
                    nodeId: string;
                    /** @description Opened */
                    opened: number;
                    /** @description Due now or being sent */
                    queued: number;
                    /** @description Accepted by the provider (delivered included) */
                    sent: number;
                    /** @description Skipped by the policy gate (blocked, no consent, suppressed, no address) */
                    skipped: number;
                    /** @description Unsubscribed through this message */
                    unsubscribed: number;
                }[];
                totals: {
                    /** @description Open runs */
                    active: number;
                    /** @description Runs that completed */
                    completed: number;
                    /** @description Runs on this version (a run moved by a migration map counts in the version it moved to) */
                    entered: number;
                    /** @description Runs that exited */
                    exited: number;
                    /** @description Runs that failed */
                    failed: number;
                };
                version: {
                    current: boolean;
                    /** Format: uuid */
                    id: string;
                    number: number;
                    /** @description RFC 3339 UTC */
                    publishedAt: string;
                };
                /** @description Every published version number, ascending */
                versions: number[];
            };
        };
        /** @description The data of journey.converted: a journey run reached the journey's goal */
        JourneyConvertedData: {
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            journeyId: string;
            /** @description The journey's name when the event was written */
            journeyName: string;
            /**
             * Format: uuid
             * @description The last message the run sent before converting (its ledger id, the Message-ID), credited with the conversion; null when it sent none
             */
            messageId: string | null;
            /** Format: uuid */
            runId: string;
            /** @description The published version the run follows */
            version: number;
        };
        /** @description The body of a journey.converted webhook. A journey run reached the journey's goal. */
        JourneyConvertedEvent: {
            data: components["schemas"]["JourneyConvertedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "journey.converted";
        };
        JourneyDefinition: {
            entry: {
                /** @description A tracked event name (POST /track) */
                event: string;
                policy?: {
                    /** @description every_time: no sooner than this after the last entry: a whole number and s, m, h, d or w (at most 366 days) */
                    cooldown?: string;
                    /** @description Event entries: one open run per value of this trigger property */
                    key?: string;
                    maxEntries?: number;
                    /** @enum {string} */
                    mode: "once" | "one_at_a_time" | "every_time";
                };
                /** @enum {string} */
                type: "event";
                where?: components["schemas"]["PropertyConditions"];
            } | {
                /** @enum {string} */
                eventType: "customer.created" | "customer.updated" | "customer.tags_changed" | "order.created" | "order.status_updated" | "journey.entered" | "journey.converted" | "journey.exited";
                /**
                 * Format: uuid
                 * @description journey.entered, journey.converted, journey.exited only (required with them): another journey of this tenant whose events start runs; no chain of such entries may lead back to this journey
                 */
                journeyId?: string;
                policy?: {
                    /** @description every_time: no sooner than this after the last entry: a whole number and s, m, h, d or w (at most 366 days) */
                    cooldown?: string;
                    /** @description Event entries: one open run per value of this trigger property */
                    key?: string;
                    maxEntries?: number;
                    /** @enum {string} */
                    mode: "once" | "one_at_a_time" | "every_time";
                };
                /** @enum {string} */
                type: "herald_event";
                where?: components["schemas"]["PropertyConditions"];
            } | {
                policy?: {
                    /** @description every_time: no sooner than this after the last entry: a whole number and s, m, h, d or w (at most 366 days) */
                    cooldown?: string;
                    /** @description Event entries: one open run per value of this trigger property */
                    key?: string;
                    maxEntries?: number;
                    /** @enum {string} */
                    mode: "once" | "one_at_a_time" | "every_time";
                };
                /** Format: uuid */
                segmentId: string;
                /** @enum {string} */
                type: "segment";
            };
            exitRules?: ({
                event: {
                    /** @description A tracked event name (POST /track) */
                    event: string;
                    /** @description Only the run's own: the event's property must equal the trigger's triggerProperty (default the same name), e.g. the same cartId */
                    match?: {
                        property: string;
                        triggerProperty?: string;
                    };
                    where?: components["schemas"]["PropertyConditions"];
                };
            } | {
                /** Format: uuid */
                leftSegment: string;
            })[];
            goal?: {
                event?: {
                    /** @description A tracked event name (POST /track) */
                    event: string;
                    /** @description Only the run's own: the event's property must equal the trigger's triggerProperty (default the same name), e.g. the same cartId */
                    match?: {
                        property: string;
                        triggerProperty?: string;
                    };
                    where?: components["schemas"]["PropertyConditions"];
                };
                exitOnConversion?: boolean;
                /** Format: uuid */
                segmentId?: string;
                /** @description The window after entry: a whole number and s, m, h, d or w (at most 366 days) */
                within: string;
            };
            nodes: ({
                /** @description How long to wait: a whole number and s, m, h, d or w (at most 366 days) */
                duration: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @enum {string} */
                type: "delay";
            } | {
                date?: {
                    /** @description customer.<date field>, customer.customFields.<key> or event.<property path> */
                    field: string;
                    /** @description Moves the date: "-3d" is three days before */
                    offset?: string;
                };
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @description HH:MM in the customer's timezone (else the tenant's) */
                timeOfDay?: string;
                /** @enum {string} */
                type: "wait_until";
                weekdays?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
            } | {
                /** @description A tracked event name (POST /track) */
                event: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description The waited event's property must equal the trigger's triggerProperty (default the same name) */
                match?: {
                    property: string;
                    triggerProperty?: string;
                };
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @description How long to wait before taking timeoutNext: a whole number and s, m, h, d or w (at most 366 days) */
                timeout?: string;
                /** @description A node id (unique within the journey) */
                timeoutNext?: string;
                /** @enum {string} */
                type: "wait_for_event";
                where?: components["schemas"]["PropertyConditions"];
            } | {
                branches: {
                    /** @description Holds when the run's latest message from `node` has this mark (its campaign_recipients row) */
                    message?: {
                        /** @description A send node of this journey */
                        node: string;
                        /**
                         * @description delivered (an open or click implies it), opened (a click implies it) or clicked
                         * @enum {string}
                         */
                        status: "delivered" | "opened" | "clicked";
                    };
                    /** @description A label for people */
                    name?: string;
                    /** @description The node that follows; absent, the run completes here */
                    next?: string;
                    rule?: components["schemas"]["SegmentRule"];
                    where?: components["schemas"]["PropertyConditions"];
                }[];
                /** @description A node id (unique within the journey) */
                else?: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @enum {string} */
                type: "branch";
            } | {
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                paths: {
                    /** @description A label for people */
                    name?: string;
                    /** @description The node that follows; absent, the run completes here */
                    next?: string;
                    weight: number;
                }[];
                /** @enum {string} */
                type: "random_split";
            } | {
                /** @description Liquid: sees customer, event (the trigger’s properties) and journey */
                body: string;
                /** @enum {string} */
                channel: "email" | "sms";
                frequencyCap?: {
                    max: number;
                    periodHours: number;
                };
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                respectQuietHours?: boolean;
                /** @description Liquid; required for email */
                subject?: string;
                /** @enum {string} */
                type: "send";
            } | {
                /**
                 * Format: uuid
                 * @description A webhook endpoint of this tenant
                 */
                endpointId: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @enum {string} */
                type: "webhook";
            } | {
                addTags?: string[];
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                removeTags?: string[];
                /** @description Customer fields to set (PATCH /customers/:id names) and customFields.<key> entries; null clears */
                set?: {
                    address?: {
                        city?: string | null;
                        coordinates?: {
                            latitude: number;
                            longitude: number;
                        } | null;
                        country?: string | null;
                        postalCode?: string | null;
                        state?: string | null;
                        street?: string | null;
                        zipCode?: string | null;
                    } | null;
                    /** Format: uri */
                    avatar?: string | null;
                    /** Format: email */
                    email?: string | null;
                    externalId?: string | null;
                    firstName?: string | null;
                    fullName?: string | null;
                    lastName?: string | null;
                    notes?: string | null;
                    /**
                     * @description Normalised to E.164: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
                     * @example +52 999 123 4567
                     */
                    phone?: string | null;
                    preferences?: {
                        /** @enum {string} */
                        channel?: "email" | "sms";
                        communicationHours?: {
                            end: string;
                            start: string;
                        } | null;
                        email?: boolean;
                        emailNotifications?: boolean;
                        frequency?: string;
                        language?: string | null;
                        newsletter?: boolean;
                        preferredAgent?: string;
                        sms?: boolean;
                        smsNotifications?: boolean;
                        timezone?: string | null;
                    };
                    /** @enum {string|null} */
                    segment?: "vip" | "regular" | "new" | "inactive" | null;
                    /** @enum {string} */
                    source?: "whatsapp" | "referral" | "website" | "social_media" | "import" | "api" | "other";
                    /** @enum {string} */
                    status?: "active" | "inactive" | "blocked" | "suspended";
                    /** @enum {string} */
                    tier?: "regular" | "premium" | "vip";
                } & {
                    [key: string]: string | null;
                };
                /** @enum {string} */
                type: "update_customer";
            } | {
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @enum {string} */
                type: "exit";
            })[];
            /** @description The id of the first node */
            start: string;
        };
        /** @description The data of journey.entered: a customer entered a journey (a run started) */
        JourneyEnteredData: {
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            journeyId: string;
            /** @description The journey's name when the event was written */
            journeyName: string;
            /** Format: uuid */
            runId: string;
            /** @description The published version the run follows */
            version: number;
        };
        /** @description The body of a journey.entered webhook. A customer entered a journey (a run started). */
        JourneyEnteredEvent: {
            data: components["schemas"]["JourneyEnteredData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "journey.entered";
        };
        /** @description The data of journey.exited: a journey run exited before its end (exit node, exit rule, conversion, migration) */
        JourneyExitedData: {
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            journeyId: string;
            /** @description The journey's name when the event was written */
            journeyName: string;
            /**
             * @description `exit_node`: it reached an exit node; `exit_rule`: an exit rule matched; `converted`: it converted and the journey exits on conversion; `migrated_to_exit`: a new version mapped its node to exit; `journey_deleted`; `customer_deleted`
             * @enum {string}
             */
            reason: "exit_node" | "exit_rule" | "converted" | "migrated_to_exit" | "journey_deleted" | "customer_deleted";
            /** Format: uuid */
            runId: string;
            /** @description The published version the run follows */
            version: number;
        };
        /** @description The body of a journey.exited webhook. A journey run exited before its end (exit node, exit rule, conversion, migration). */
        JourneyExitedEvent: {
            data: components["schemas"]["JourneyExitedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "journey.exited";
        };
        JourneyInput: {
            description?: string | null;
            entry: {
                /** @description A tracked event name (POST /track) */
                event: string;
                policy?: {
                    /** @description every_time: no sooner than this after the last entry: a whole number and s, m, h, d or w (at most 366 days) */
                    cooldown?: string;
                    /** @description Event entries: one open run per value of this trigger property */
                    key?: string;
                    maxEntries?: number;
                    /** @enum {string} */
                    mode: "once" | "one_at_a_time" | "every_time";
                };
                /** @enum {string} */
                type: "event";
                where?: components["schemas"]["PropertyConditions"];
            } | {
                /** @enum {string} */
                eventType: "customer.created" | "customer.updated" | "customer.tags_changed" | "order.created" | "order.status_updated" | "journey.entered" | "journey.converted" | "journey.exited";
                /**
                 * Format: uuid
                 * @description journey.entered, journey.converted, journey.exited only (required with them): another journey of this tenant whose events start runs; no chain of such entries may lead back to this journey
                 */
                journeyId?: string;
                policy?: {
                    /** @description every_time: no sooner than this after the last entry: a whole number and s, m, h, d or w (at most 366 days) */
                    cooldown?: string;
                    /** @description Event entries: one open run per value of this trigger property */
                    key?: string;
                    maxEntries?: number;
                    /** @enum {string} */
                    mode: "once" | "one_at_a_time" | "every_time";
                };
                /** @enum {string} */
                type: "herald_event";
                where?: components["schemas"]["PropertyConditions"];
            } | {
                policy?: {
                    /** @description every_time: no sooner than this after the last entry: a whole number and s, m, h, d or w (at most 366 days) */
                    cooldown?: string;
                    /** @description Event entries: one open run per value of this trigger property */
                    key?: string;
                    maxEntries?: number;
                    /** @enum {string} */
                    mode: "once" | "one_at_a_time" | "every_time";
                };
                /** Format: uuid */
                segmentId: string;
                /** @enum {string} */
                type: "segment";
            };
            exitRules?: ({
                event: {
                    /** @description A tracked event name (POST /track) */
                    event: string;
                    /** @description Only the run's own: the event's property must equal the trigger's triggerProperty (default the same name), e.g. the same cartId */
                    match?: {
                        property: string;
                        triggerProperty?: string;
                    };
                    where?: components["schemas"]["PropertyConditions"];
                };
            } | {
                /** Format: uuid */
                leftSegment: string;
            })[];
            goal?: {
                event?: {
                    /** @description A tracked event name (POST /track) */
                    event: string;
                    /** @description Only the run's own: the event's property must equal the trigger's triggerProperty (default the same name), e.g. the same cartId */
                    match?: {
                        property: string;
                        triggerProperty?: string;
                    };
                    where?: components["schemas"]["PropertyConditions"];
                };
                exitOnConversion?: boolean;
                /** Format: uuid */
                segmentId?: string;
                /** @description The window after entry: a whole number and s, m, h, d or w (at most 366 days) */
                within: string;
            };
            name: string;
            nodes: ({
                /** @description How long to wait: a whole number and s, m, h, d or w (at most 366 days) */
                duration: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @enum {string} */
                type: "delay";
            } | {
                date?: {
                    /** @description customer.<date field>, customer.customFields.<key> or event.<property path> */
                    field: string;
                    /** @description Moves the date: "-3d" is three days before */
                    offset?: string;
                };
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @description HH:MM in the customer's timezone (else the tenant's) */
                timeOfDay?: string;
                /** @enum {string} */
                type: "wait_until";
                weekdays?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
            } | {
                /** @description A tracked event name (POST /track) */
                event: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description The waited event's property must equal the trigger's triggerProperty (default the same name) */
                match?: {
                    property: string;
                    triggerProperty?: string;
                };
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @description How long to wait before taking timeoutNext: a whole number and s, m, h, d or w (at most 366 days) */
                timeout?: string;
                /** @description A node id (unique within the journey) */
                timeoutNext?: string;
                /** @enum {string} */
                type: "wait_for_event";
                where?: components["schemas"]["PropertyConditions"];
            } | {
                branches: {
                    /** @description Holds when the run's latest message from `node` has this mark (its campaign_recipients row) */
                    message?: {
                        /** @description A send node of this journey */
                        node: string;
                        /**
                         * @description delivered (an open or click implies it), opened (a click implies it) or clicked
                         * @enum {string}
                         */
                        status: "delivered" | "opened" | "clicked";
                    };
                    /** @description A label for people */
                    name?: string;
                    /** @description The node that follows; absent, the run completes here */
                    next?: string;
                    rule?: components["schemas"]["SegmentRule"];
                    where?: components["schemas"]["PropertyConditions"];
                }[];
                /** @description A node id (unique within the journey) */
                else?: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @enum {string} */
                type: "branch";
            } | {
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                paths: {
                    /** @description A label for people */
                    name?: string;
                    /** @description The node that follows; absent, the run completes here */
                    next?: string;
                    weight: number;
                }[];
                /** @enum {string} */
                type: "random_split";
            } | {
                /** @description Liquid: sees customer, event (the trigger’s properties) and journey */
                body: string;
                /** @enum {string} */
                channel: "email" | "sms";
                frequencyCap?: {
                    max: number;
                    periodHours: number;
                };
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                respectQuietHours?: boolean;
                /** @description Liquid; required for email */
                subject?: string;
                /** @enum {string} */
                type: "send";
            } | {
                /**
                 * Format: uuid
                 * @description A webhook endpoint of this tenant
                 */
                endpointId: string;
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                /** @enum {string} */
                type: "webhook";
            } | {
                addTags?: string[];
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @description The node that follows; absent, the run completes here */
                next?: string;
                removeTags?: string[];
                /** @description Customer fields to set (PATCH /customers/:id names) and customFields.<key> entries; null clears */
                set?: {
                    address?: {
                        city?: string | null;
                        coordinates?: {
                            latitude: number;
                            longitude: number;
                        } | null;
                        country?: string | null;
                        postalCode?: string | null;
                        state?: string | null;
                        street?: string | null;
                        zipCode?: string | null;
                    } | null;
                    /** Format: uri */
                    avatar?: string | null;
                    /** Format: email */
                    email?: string | null;
                    externalId?: string | null;
                    firstName?: string | null;
                    fullName?: string | null;
                    lastName?: string | null;
                    notes?: string | null;
                    /**
                     * @description Normalised to E.164: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.
                     * @example +52 999 123 4567
                     */
                    phone?: string | null;
                    preferences?: {
                        /** @enum {string} */
                        channel?: "email" | "sms";
                        communicationHours?: {
                            end: string;
                            start: string;
                        } | null;
                        email?: boolean;
                        emailNotifications?: boolean;
                        frequency?: string;
                        language?: string | null;
                        newsletter?: boolean;
                        preferredAgent?: string;
                        sms?: boolean;
                        smsNotifications?: boolean;
                        timezone?: string | null;
                    };
                    /** @enum {string|null} */
                    segment?: "vip" | "regular" | "new" | "inactive" | null;
                    /** @enum {string} */
                    source?: "whatsapp" | "referral" | "website" | "social_media" | "import" | "api" | "other";
                    /** @enum {string} */
                    status?: "active" | "inactive" | "blocked" | "suspended";
                    /** @enum {string} */
                    tier?: "regular" | "premium" | "vip";
                } & {
                    [key: string]: string | null;
                };
                /** @enum {string} */
                type: "update_customer";
            } | {
                /** @description A node id (unique within the journey) */
                id: string;
                /** @description A label for people */
                name?: string;
                /** @enum {string} */
                type: "exit";
            })[];
            /** @description The id of the first node */
            start: string;
        };
        JourneyList: {
            data: components["schemas"]["Journey"][];
            pagination: components["schemas"]["Pagination"];
        };
        JourneyRun: {
            /** @description RFC 3339 UTC */
            convertedAt: string | null;
            /** Format: uuid */
            customerId: string;
            /** @description When the runner looks at the run next; null when nothing is scheduled */
            dueAt: string | null;
            /** @description RFC 3339 UTC */
            endedAt: string | null;
            /** @enum {string|null} */
            endReason: "completed" | "exit_node" | "exit_rule" | "converted" | "migrated_to_exit" | "journey_deleted" | "customer_deleted" | "failed" | null;
            /** @description RFC 3339 UTC */
            enteredAt: string;
            entryKey: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            journeyId: string;
            journeyName: string;
            /** @description The node the run is at (or ended at) */
            nodeId: string;
            /** @enum {string} */
            state: "active" | "completed" | "exited" | "failed";
            steps: number;
            /** @description RFC 3339 UTC */
            updatedAt: string;
            /** @description The version number the run is on */
            version: number;
            /** @description The visit number of that node (1 on first arrival) */
            visit: number;
        };
        JourneyRunDetail: {
            data: {
                context: {
                    [key: string]: unknown;
                };
                /** @description RFC 3339 UTC */
                convertedAt: string | null;
                /** Format: uuid */
                convertedMessageId: string | null;
                /** Format: uuid */
                customerId: string;
                /** @description When the runner looks at the run next; null when nothing is scheduled */
                dueAt: string | null;
                /** @description RFC 3339 UTC */
                endedAt: string | null;
                /** @enum {string|null} */
                endReason: "completed" | "exit_node" | "exit_rule" | "converted" | "migrated_to_exit" | "journey_deleted" | "customer_deleted" | "failed" | null;
                /** @description RFC 3339 UTC */
                enteredAt: string;
                entryKey: string | null;
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                journeyId: string;
                journeyName: string;
                /** Format: uuid */
                lastMessageId: string | null;
                /** @description A move that a publish with a migration map holds for the next step of the run */
                migration: {
                    /** @description null: the run exits */
                    nodeId: string | null;
                    version: number;
                } | null;
                /** @description The node the run is at (or ended at) */
                nodeId: string;
                /** @description RFC 3339 UTC */
                pausedDueAt: string | null;
                /** @enum {string} */
                state: "active" | "completed" | "exited" | "failed";
                /** @description The latest 500 steps, oldest first */
                stepLog: {
                    /** @description What the step did: why it branched, what it sent, why it waits or failed */
                    detail: {
                        [key: string]: unknown;
                    };
                    /** @description RFC 3339 UTC */
                    finishedAt: string | null;
                    /**
                     * Format: uuid
                     * @description The step id (the webhook-id of a webhook node)
                     */
                    id: string;
                    /** @description The node type */
                    kind: string;
                    /** @description The message a send step enqueued (null for other steps) */
                    message: {
                        address: string | null;
                        attempts: number;
                        /** Format: uuid */
                        campaignId: string;
                        /** @enum {string} */
                        channel: "email" | "sms";
                        /** @description RFC 3339 UTC */
                        clickedAt: string | null;
                        deferredReason: string | null;
                        /** @description RFC 3339 UTC */
                        deliveredAt: string | null;
                        error: string | null;
                        /**
                         * Format: uuid
                         * @description The ledger row id, which is the Message-ID
                         */
                        id: string;
                        /** @description RFC 3339 UTC */
                        nextAttemptAt: string | null;
                        /** @description RFC 3339 UTC */
                        openedAt: string | null;
                        /** @description RFC 3339 UTC */
                        sentAt: string | null;
                        skipReason: string | null;
                        /** @enum {string} */
                        state: "pending" | "sending" | "sent" | "delivered" | "failed" | "skipped" | "cancelled";
                        /** @description RFC 3339 UTC */
                        unsubscribedAt: string | null;
                    } | null;
                    nextNodeId: string | null;
                    nodeId: string;
                    /** @description RFC 3339 UTC */
                    startedAt: string;
                    /** @enum {string} */
                    status: "started" | "waiting" | "done" | "failed";
                    version: number;
                    visit: number;
                }[];
                steps: number;
                /** @description Earlier steps not shown */
                stepsOmitted: number;
                trigger: {
                    eventId: string | null;
                    kind: string;
                    name: string;
                    /** @description RFC 3339 UTC */
                    occurredAt: string | null;
                    properties: {
                        [key: string]: unknown;
                    };
                };
                /** @description RFC 3339 UTC */
                updatedAt: string;
                /** @description The version number the run is on */
                version: number;
                /** @description The visit number of that node (1 on first arrival) */
                visit: number;
                waitingFor: {
                    event: string;
                    match: {
                        property: string;
                        value?: unknown;
                    } | null;
                    /** @description Conditions on the awaited event (the rule language), null for none */
                    where?: unknown;
                } | null;
            };
        };
        JourneyRunList: {
            data: components["schemas"]["JourneyRun"][];
            pagination: components["schemas"]["Pagination"];
        };
        JourneyVersion: {
            definition: components["schemas"]["JourneyDefinition"];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            journeyId: string;
            migration: {
                map: {
                    [key: string]: string;
                };
            } | null;
            publishedAt: string;
            publishedBy: string | null;
            sendCampaigns: {
                [key: string]: string;
            };
            version: number;
        };
        JourneyVersionList: {
            data: components["schemas"]["JourneyVersion"][];
            pagination: components["schemas"]["Pagination"];
        };
        NoteInput: {
            content: string;
        };
        Order: {
            createdAt: string;
            currency: string;
            /** Format: uuid */
            customerId: string;
            discount: number;
            /** Format: uuid */
            id: string;
            items?: components["schemas"]["OrderItem"][];
            itemsCount: number;
            metadata: {
                [key: string]: unknown;
            };
            notes: string | null;
            orderNumber: string;
            placedAt: string;
            shipping: number;
            shippingAddress: {
                city: string;
                country?: string;
                postalCode?: string;
                state?: string;
                street: string;
            } | null;
            /** @enum {string} */
            status: "placed" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
            statusHistory?: components["schemas"]["OrderStatusChange"][];
            subtotal: number;
            tax: number;
            total: number;
            trackingNumber: string | null;
            updatedAt: string;
        };
        /** @description The data of order.created: an order was placed */
        OrderCreatedData: {
            /** @description ISO 4217 code */
            currency: string;
            /** Format: uuid */
            customerId: string;
            itemsCount: number;
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** @enum {string} */
            status: "placed" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
            /** @description In currency units, two decimals */
            total: number;
        };
        /** @description The body of a order.created webhook. An order was placed. */
        OrderCreatedEvent: {
            data: components["schemas"]["OrderCreatedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "order.created";
        };
        OrderItem: {
            category: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            price: number;
            productId: string | null;
            quantity: number;
            sku: string | null;
            total: number;
        };
        OrderItemInput: {
            category?: string;
            name: string;
            /**
             * @description Unit price
             * @example 29.99
             */
            price: number;
            productId?: string;
            quantity: number;
            sku?: string;
        };
        OrderList: {
            data: components["schemas"]["Order"][];
            pagination: components["schemas"]["Pagination"];
        };
        OrderResponse: {
            data: components["schemas"]["Order"];
        };
        OrderStatusChange: {
            changedAt: string;
            changedBy: string | null;
            /** @enum {string|null} */
            from: "placed" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded" | null;
            reason: string | null;
            /** @enum {string} */
            to: "placed" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
        };
        /** @description The data of order.status_updated: an order's status changed */
        OrderStatusUpdatedData: {
            /** @description ISO 4217 code */
            currency: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            from: "placed" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
            /** Format: uuid */
            orderId: string;
            orderNumber: string;
            /** @description Why, as given by whoever made the change; null when none was given */
            reason: string | null;
            /** @enum {string} */
            to: "placed" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
            /** @description In currency units, two decimals */
            total: number;
            trackingNumber: string | null;
        };
        /** @description The body of a order.status_updated webhook. An order's status changed. */
        OrderStatusUpdatedEvent: {
            data: components["schemas"]["OrderStatusUpdatedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "order.status_updated";
        };
        Pagination: {
            hasNext: boolean;
            hasPrevious: boolean;
            limit: number;
            nextCursor: string | null;
            page: number | null;
            total: number | null;
            /** @description false when more than 1,000 match and total is that lower bound (ask includeTotal=exact for the full count) */
            totalExact: boolean | null;
            totalPages: number | null;
        };
        PreviewSegment: {
            /** @default 50 */
            limit?: number;
            rules: components["schemas"]["SegmentRule"];
        };
        /** @description Property conditions: { property, operator, value, type? } (type string, number or boolean; inferred from the value), grouped with { all | any | not } or seed 003's { logic, rules } */
        PropertyConditions: {
            [key: string]: unknown;
        } | {
            operator: string;
            property: string;
            type?: string;
            value?: unknown;
        } | {
            all: components["schemas"]["PropertyConditions"][];
        } | {
            any: components["schemas"]["PropertyConditions"][];
        } | {
            not: components["schemas"]["PropertyConditions"];
        } | {
            logic: string;
            rules: components["schemas"]["PropertyConditions"][];
        } | {
            kind: string;
        };
        Readiness: {
            checks: {
                /** @enum {string} */
                postgres: "up" | "down";
                /** @enum {string} */
                temporal: "up" | "down";
            };
            /** @enum {string} */
            status: "ready" | "unavailable";
        };
        ReplayWebhookDeliveries: {
            /** Format: date-time */
            from?: string;
            /**
             * @default failed
             * @enum {string}
             */
            scope?: "all" | "failed";
            /** Format: date-time */
            to?: string;
        };
        RotateWebhookSecret: {
            secret?: string;
        };
        SeedConfigInput: {
            /** Format: uuid */
            customer_id: string;
        } & {
            [key: string]: unknown;
        };
        Segment: {
            createdAt: string;
            createdBy: string | null;
            description: string | null;
            /** Format: uuid */
            id: string;
            memberCount: number;
            name: string;
            refreshedAt: string | null;
            rules?: unknown;
            timeRelative: boolean;
            updatedAt: string;
        };
        /** @description The data of segment.entered: a customer entered a segment */
        SegmentEnteredData: {
            /** @enum {string} */
            change: "entered";
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            segmentId: string;
        };
        /** @description The body of a segment.entered webhook. A customer entered a segment. */
        SegmentEnteredEvent: {
            data: components["schemas"]["SegmentEnteredData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "segment.entered";
        };
        /** @description The data of segment.exited: a customer left a segment */
        SegmentExitedData: {
            /** @enum {string} */
            change: "exited";
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            segmentId: string;
        };
        /** @description The body of a segment.exited webhook. A customer left a segment. */
        SegmentExitedEvent: {
            data: components["schemas"]["SegmentExitedData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "segment.exited";
        };
        SegmentList: {
            data: components["schemas"]["Segment"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description json-rules-engine conditions ({ all | any | not }) or seed 003's { logic: 'AND' | 'OR', rules: [...] } tree; fields are listed by GET /segments/fields */
        SegmentRule: {
            [key: string]: unknown;
        } | ({
            fact?: string;
            field?: string;
            operator: string;
            path?: string;
            value?: unknown;
        } | unknown | unknown) | {
            between?: string[];
            count?: Record<string, never>;
            event: string;
            type?: string;
            where?: unknown;
            within?: string | number;
        } | {
            all: components["schemas"]["SegmentRule"][];
        } | {
            any: components["schemas"]["SegmentRule"][];
        } | {
            not: components["schemas"]["SegmentRule"];
        } | {
            logic: string;
            rules: components["schemas"]["SegmentRule"][];
        } | {
            kind: string;
        };
        ShippingAddressInput: {
            city: string;
            country?: string;
            postalCode?: string;
            state?: string;
            street: string;
            zipCode?: string;
        };
        StatusInput: {
            reason?: string;
            /** @enum {string} */
            status: "active" | "inactive" | "blocked" | "suspended";
        };
        SuggestSegments: {
            query: string;
        };
        TagsInput: {
            /**
             * @default set
             * @enum {string}
             */
            action?: "set" | "add" | "remove";
            tags: string[];
        };
        TenantResponse: {
            data: {
                createdAt: string;
                /** Format: uuid */
                id: string;
                name: string;
                principal: {
                    actorId: string;
                    actorType: string;
                    /** @enum {string} */
                    role: "admin" | "member" | "readonly" | "customer";
                };
                settings: components["schemas"]["TenantSettings"];
                slug: string;
            };
        };
        TenantSettings: {
            /** @description The language a customer gets when created without preferences.language (POST and PUT /customers, POST /customers/bulk/import, POST /imports). A BCP 47 tag such as "es" or "en-US", stored in canonical form; null (the default) leaves such customers without a language. Seed 001 tenants set "es". Changing it does not touch existing customers. */
            defaultLanguage: string | null;
            /** @description How many months customer events are kept (1 to 120, default 13); older events are deleted by the daily partition job. null restores the default. */
            eventRetentionMonths: number;
            /** @description Whether POST /track, /identify and /batch create the customer when userId (externalId) or email names none (true, the default); false answers 404 for such events (per item in a batch). null restores the default. */
            eventsCreateCustomers: boolean;
        };
        TenantSummaryResponse: {
            data: {
                customers: number;
                events: number;
                orders: number;
                /** Format: uuid */
                tenantId: string;
            };
        };
        /** @description A Segment track call; one of userId, externalId, anonymousId or email is required */
        TrackCall: {
            /** @description An id of someone not identified yet; their events are attached to the customer when an identify carries it with a userId */
            anonymousId?: string;
            /** @description Segment context (library, page, ip…), stored as sent (at most 32 KB) */
            context?: {
                [key: string]: unknown;
            };
            /**
             * Format: email
             * @description Identifies the customer by email when no userId is sent
             */
            email?: string;
            /** @description The event name ("Viewed Product"), 1 to 200 characters */
            event: string;
            /** @description Same as userId (Herald's name); userId wins when both are sent */
            externalId?: string;
            /** @description Unique per tenant: a repeat within 30 days (35 kept) answers deduplicated: true and stores nothing */
            messageId?: string;
            /**
             * @description What happened, as a JSON object (at most 32 KB)
             * @default {}
             */
            properties?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When it happened (RFC 3339); the time of receipt when absent. More than 24 h in the past marks a backfill
             */
            timestamp?: string;
            /** @enum {string} */
            type?: "track";
            /** @description The customer's externalId (Segment's userId) */
            userId?: string;
        } | unknown | unknown | unknown | unknown;
        TypeInput: {
            /** @enum {string} */
            customerType: "regular" | "premium" | "vip";
            notes?: string;
        };
        UpdateOrderStatus: {
            reason?: string;
            /** @enum {string} */
            status: "placed" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
            trackingNumber?: string;
        };
        UpdateSegment: {
            description?: string | null;
            name?: string;
            rules?: components["schemas"]["SegmentRule"];
        };
        UpdateTenant: {
            settings: {
                /** @description The language a customer gets when created without preferences.language (POST and PUT /customers, POST /customers/bulk/import, POST /imports). A BCP 47 tag such as "es" or "en-US", stored in canonical form; null (the default) leaves such customers without a language. Seed 001 tenants set "es". Changing it does not touch existing customers. */
                defaultLanguage?: string | null;
                /** @description How many months customer events are kept (1 to 120, default 13); older events are deleted by the daily partition job. null restores the default. */
                eventRetentionMonths?: number | null;
                /** @description Whether POST /track, /identify and /batch create the customer when userId (externalId) or email names none (true, the default); false answers 404 for such events (per item in a batch). null restores the default. */
                eventsCreateCustomers?: boolean | null;
            };
        };
        UpdateWebhook: {
            description?: string | null;
            enabled?: boolean;
            /** @description Exact types, family wildcards such as customer.*, or * (see /webhooks/event-types) */
            events?: ("*" | "customer.*" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.blocked" | "customer.unblocked" | "customer.status_changed" | "customer.tags_changed" | "customer.event" | "order.*" | "order.created" | "order.status_updated" | "segment.*" | "segment.entered" | "segment.exited" | "import.*" | "import.completed" | "import.failed" | "campaign.*" | "campaign.scheduled" | "campaign.started" | "campaign.paused" | "campaign.resumed" | "campaign.cancelled" | "campaign.sent" | "campaign.completed" | "endpoint.*" | "endpoint.disabled" | "journey.*" | "journey.entered" | "journey.converted" | "journey.exited" | "webhook.*" | "webhook.test")[];
            headers?: {
                [key: string]: string;
            };
            /** @description Requests in flight at once */
            maxConcurrency?: number;
            /** @description Deliveries per second at most; null for no limit */
            rateLimit?: number | null;
            /**
             * Format: uri
             * @description http or https URL. Checked when the endpoint is created or its URL changed, before anything is stored: the host must resolve (DNS) here, and every address it resolves to (or the literal address) must be public. A host without a DNS answer is refused with 422 "does not resolve"; one that is or resolves to a loopback, private, link-local or reserved address with 422 "private or reserved address" (an operator can allow such hosts or networks in the deployment's configuration). Deliveries check the address again on every connection.
             */
            url?: string;
        };
        Webhook: {
            createdAt: string;
            description: string | null;
            disabledAt: string | null;
            disabledReason: string | null;
            enabled: boolean;
            events: string[];
            failingSince: string | null;
            headers: {
                [key: string]: string;
            };
            /** Format: uuid */
            id: string;
            lastSuccessAt: string | null;
            maxConcurrency: number;
            previousSecretExpiresAt: string | null;
            rateLimit: number | null;
            updatedAt: string;
            url: string;
        };
        WebhookDelivery: {
            attempts: number;
            createdAt: string;
            /** Format: uuid */
            endpointId: string;
            /** Format: uuid */
            eventId: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            lastAttemptAt: string | null;
            lastError: string | null;
            lastStatusCode: number | null;
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            succeededAt: string | null;
        };
        WebhookDeliveryDetail: {
            attemptLog: {
                attempt: number;
                error: string | null;
                latencyMs: number;
                responseExcerpt: string | null;
                startedAt: string;
                statusCode: number | null;
            }[];
            attempts: number;
            createdAt: string;
            /** Format: uuid */
            endpointId: string;
            /** Format: uuid */
            eventId: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            lastAttemptAt: string | null;
            lastError: string | null;
            lastStatusCode: number | null;
            nextAttemptAt: string | null;
            payload?: unknown;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            succeededAt: string | null;
        };
        WebhookReplay: {
            createdAt: string;
            /** Format: uuid */
            endpointId: string;
            finishedAt: string | null;
            from: string | null;
            /** Format: uuid */
            id: string;
            progress: {
                processed: number;
                total: number;
            };
            /** @enum {string} */
            scope: "all" | "failed";
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            to: string | null;
        };
        WebhookReplayList: {
            data: components["schemas"]["WebhookReplay"][];
            pagination: components["schemas"]["Pagination"];
        };
        /** @description The data of webhook.test: a test event sent by POST /webhooks/:id/test (only to that endpoint) */
        WebhookTestData: {
            /** Format: uuid */
            endpointId: string;
            message: string;
            url: string;
        };
        /** @description The body of a webhook.test webhook. A test event sent by POST /webhooks/:id/test (only to that endpoint). */
        WebhookTestEvent: {
            data: components["schemas"]["WebhookTestData"];
            /**
             * Format: date-time
             * @description When the event happened (UTC, milliseconds); the same on every retry
             */
            timestamp: string;
            /** @enum {string} */
            type: "webhook.test";
        };
        WebhookWithSecret: {
            createdAt: string;
            description: string | null;
            disabledAt: string | null;
            disabledReason: string | null;
            enabled: boolean;
            events: string[];
            failingSince: string | null;
            headers: {
                [key: string]: string;
            };
            /** Format: uuid */
            id: string;
            lastSuccessAt: string | null;
            maxConcurrency: number;
            previousSecretExpiresAt: string | null;
            rateLimit: number | null;
            secret: string;
            updatedAt: string;
            url: string;
        };
    };
    responses: never;
    parameters: {
        /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
        WebhookId: string;
        /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
        WebhookSignature: string;
        /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
        WebhookTimestamp: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAiSegmentSuggestions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuggestSegments"];
            };
        };
        responses: {
            /** @description Suggestions, most confident first */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        suggestions: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; the phrase must contain words the rule suggester understands (details list the others) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAnalyticsCampaigns: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of per-campaign analytics */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        }[];
                        pagination: components["schemas"]["Pagination"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiKeys: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; customerId must name a customer of this tenant; expiresAt must lie in the future */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiKeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such key in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchCall"];
            };
        };
        responses: {
            /** @description One result per item */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaigns: {
        parameters: {
            query?: {
                channel?: "email" | "sms";
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortBy?: "createdAt" | "updatedAt" | "name";
                sortOrder?: "asc" | "desc";
                status?: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                type?: "email" | "sms";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of campaigns */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaigns: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience?: {
                        /** Format: uuid */
                        segmentId: string;
                        /** @enum {string} */
                        type: "segment";
                    } | {
                        rules: components["schemas"]["SegmentRule"];
                        /** @enum {string} */
                        type: "rules";
                    } | {
                        customerIds: string[];
                        /** @enum {string} */
                        type: "customers";
                    } | {
                        /** @enum {string} */
                        type: "all";
                    };
                    /**
                     * @description seed 003
                     * @enum {string}
                     */
                    audienceType?: "segment" | "rules" | "customers" | "all";
                    body?: string;
                    /** @enum {string} */
                    channel?: "email" | "sms";
                    /** @description seed 003: the body */
                    content?: string;
                    cron?: string;
                    customerIds?: string[];
                    name: string;
                    options?: {
                        autoPauseFailureRate?: number;
                        frequencyCap?: {
                            max: number;
                            periodHours: number;
                        };
                        respectQuietHours?: boolean;
                        sendInRecipientTimezone?: boolean;
                        throttlePerSecond?: number;
                    };
                    schedule?: {
                        /** @enum {string} */
                        type: "now";
                    } | {
                        /** Format: date-time */
                        at: string;
                        /** @enum {string} */
                        type: "at";
                    } | {
                        cron: string;
                        /**
                         * @description An IANA timezone name such as Europe/Paris or America/Mexico_City
                         * @default UTC
                         */
                        timezone?: string;
                        /** @enum {string} */
                        type: "recurring";
                    };
                    /** Format: date-time */
                    scheduledAt?: string;
                    /**
                     * @description seed 003
                     * @enum {string}
                     */
                    schedulingType?: "immediate" | "now" | "scheduled" | "recurring";
                    /** Format: uuid */
                    segmentId?: string;
                    segmentRules?: components["schemas"]["SegmentRule"];
                    subject?: string | null;
                    /** @description An IANA timezone name such as Europe/Paris or America/Mexico_City */
                    timezone?: string;
                    /**
                     * @description seed 003: the channel
                     * @enum {string}
                     */
                    type?: "email" | "sms";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; an Idempotency-Key whose first request is still running is refused; retry shortly */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; channel (or type), body (or content) and an audience must come in one of the two spellings; seed 003's audienceType needs its companion field (segmentId, segmentRules or customerIds); subject and body must be valid Liquid templates using known customer fields (details give line and column); an email campaign needs a subject; a scheduled time must be in the future; a cron must be a valid five-field expression; segmentId must name a segment of this tenant; inline rules must name fields of GET /segments/fields; a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it); an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            progress: {
                                [key: string]: unknown;
                            };
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCampaignsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience?: {
                        /** Format: uuid */
                        segmentId: string;
                        /** @enum {string} */
                        type: "segment";
                    } | {
                        rules: components["schemas"]["SegmentRule"];
                        /** @enum {string} */
                        type: "rules";
                    } | {
                        customerIds: string[];
                        /** @enum {string} */
                        type: "customers";
                    } | {
                        /** @enum {string} */
                        type: "all";
                    };
                    /**
                     * @description seed 003
                     * @enum {string}
                     */
                    audienceType?: "segment" | "rules" | "customers" | "all";
                    body?: string;
                    /** @enum {string} */
                    channel?: "email" | "sms";
                    /** @description seed 003: the body */
                    content?: string;
                    cron?: string;
                    customerIds?: string[];
                    name?: string;
                    options?: {
                        autoPauseFailureRate?: number;
                        frequencyCap?: {
                            max: number;
                            periodHours: number;
                        };
                        respectQuietHours?: boolean;
                        sendInRecipientTimezone?: boolean;
                        throttlePerSecond?: number;
                    };
                    schedule?: {
                        /** @enum {string} */
                        type: "now";
                    } | {
                        /** Format: date-time */
                        at: string;
                        /** @enum {string} */
                        type: "at";
                    } | {
                        cron: string;
                        /**
                         * @description An IANA timezone name such as Europe/Paris or America/Mexico_City
                         * @default UTC
                         */
                        timezone?: string;
                        /** @enum {string} */
                        type: "recurring";
                    };
                    /** Format: date-time */
                    scheduledAt?: string;
                    /**
                     * @description seed 003
                     * @enum {string}
                     */
                    schedulingType?: "immediate" | "now" | "scheduled" | "recurring";
                    /** Format: uuid */
                    segmentId?: string;
                    segmentRules?: components["schemas"]["SegmentRule"];
                    subject?: string | null;
                    /** @description An IANA timezone name such as Europe/Paris or America/Mexico_City */
                    timezone?: string;
                    /**
                     * @description seed 003: the channel
                     * @enum {string}
                     */
                    type?: "email" | "sms";
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a draft */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; channel (or type), body (or content) and an audience must come in one of the two spellings; seed 003's audienceType needs its companion field (segmentId, segmentRules or customerIds); subject and body must be valid Liquid templates using known customer fields (details give line and column); an email campaign needs a subject; a scheduled time must be in the future; a cron must be a valid five-field expression; segmentId must name a segment of this tenant; inline rules must name fields of GET /segments/fields; a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCampaignsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cancel it first */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCampaignsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience?: {
                        /** Format: uuid */
                        segmentId: string;
                        /** @enum {string} */
                        type: "segment";
                    } | {
                        rules: components["schemas"]["SegmentRule"];
                        /** @enum {string} */
                        type: "rules";
                    } | {
                        customerIds: string[];
                        /** @enum {string} */
                        type: "customers";
                    } | {
                        /** @enum {string} */
                        type: "all";
                    };
                    /**
                     * @description seed 003
                     * @enum {string}
                     */
                    audienceType?: "segment" | "rules" | "customers" | "all";
                    body?: string;
                    /** @enum {string} */
                    channel?: "email" | "sms";
                    /** @description seed 003: the body */
                    content?: string;
                    cron?: string;
                    customerIds?: string[];
                    name?: string;
                    options?: {
                        autoPauseFailureRate?: number;
                        frequencyCap?: {
                            max: number;
                            periodHours: number;
                        };
                        respectQuietHours?: boolean;
                        sendInRecipientTimezone?: boolean;
                        throttlePerSecond?: number;
                    };
                    schedule?: {
                        /** @enum {string} */
                        type: "now";
                    } | {
                        /** Format: date-time */
                        at: string;
                        /** @enum {string} */
                        type: "at";
                    } | {
                        cron: string;
                        /**
                         * @description An IANA timezone name such as Europe/Paris or America/Mexico_City
                         * @default UTC
                         */
                        timezone?: string;
                        /** @enum {string} */
                        type: "recurring";
                    };
                    /** Format: date-time */
                    scheduledAt?: string;
                    /**
                     * @description seed 003
                     * @enum {string}
                     */
                    schedulingType?: "immediate" | "now" | "scheduled" | "recurring";
                    /** Format: uuid */
                    segmentId?: string;
                    segmentRules?: components["schemas"]["SegmentRule"];
                    subject?: string | null;
                    /** @description An IANA timezone name such as Europe/Paris or America/Mexico_City */
                    timezone?: string;
                    /**
                     * @description seed 003: the channel
                     * @enum {string}
                     */
                    type?: "email" | "sms";
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a draft */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; channel (or type), body (or content) and an audience must come in one of the two spellings; seed 003's audienceType needs its companion field (segmentId, segmentRules or customerIds); subject and body must be valid Liquid templates using known customer fields (details give line and column); an email campaign needs a subject; a scheduled time must be in the future; a cron must be a valid five-field expression; segmentId must name a segment of this tenant; inline rules must name fields of GET /segments/fields; a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignsIdAnalytics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Analytics from the ledger */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign in its new state */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable; nothing changed */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignsIdExport: {
        parameters: {
            query?: {
                format?: "csv" | "json" | "ndjson";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export, streamed */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsIdPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign in its new state */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable; nothing changed */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsIdPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customerId?: string;
                };
            };
        };
        responses: {
            /** @description The rendered subject and body */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            body: string;
                            channel: string;
                            customerId: string | null;
                            subject: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsIdResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign in its new state */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable; nothing changed */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsIdSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schedule?: {
                        /** @enum {string} */
                        type: "now";
                    } | {
                        /** Format: date-time */
                        at: string;
                        /** @enum {string} */
                        type: "at";
                    } | {
                        cron: string;
                        /**
                         * @description An IANA timezone name such as Europe/Paris or America/Mexico_City
                         * @default UTC
                         */
                        timezone?: string;
                        /** @enum {string} */
                        type: "recurring";
                    };
                    /** Format: date-time */
                    scheduledAt?: string;
                };
            };
        };
        responses: {
            /** @description Scheduled */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a draft */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; a time must be given (here or on the campaign) and lie in the future; a cron must be a valid five-field expression; a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsIdSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign in its new state */
            202: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such campaign */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable; nothing changed */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCampaignsIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The target status (any letter case); sending, active and running all send or resume
                     * @enum {string}
                     */
                    status: "scheduled" | "sending" | "active" | "running" | "paused" | "cancelled";
                };
            };
        };
        responses: {
            /** @description The campaign in its new state */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            audience: {
                                [key: string]: unknown;
                            };
                            body: string;
                            /** @enum {string} */
                            channel: "email" | "sms";
                            createdAt: string;
                            createdBy: string | null;
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            name: string;
                            options: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            parentId: string | null;
                            schedule: {
                                [key: string]: unknown;
                            };
                            scheduledAt: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
                            statusReason: string | null;
                            subject: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    addresses: string[];
                    /** Format: uuid */
                    customerId?: string;
                };
            };
        };
        responses: {
            /** @description The outcome per address */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            address: string;
                            error?: string;
                            ok: boolean;
                            providerId?: string;
                        }[];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; each address must be an e-mail address for an email campaign and a phone number for an SMS one; the campaign's templates must render */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomerConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeedConfigInput"];
            };
        };
        responses: {
            /** @description The configuration map */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomers: {
        parameters: {
            query?: {
                city?: string;
                country?: string;
                "createdAt[gt]"?: string;
                "createdAt[gte]"?: string;
                "createdAt[lt]"?: string;
                "createdAt[lte]"?: string;
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                /** @description Comma-separated, any letter case: regular, premium, vip */
                customerType?: string;
                externalId?: string;
                fromDate?: string;
                includeTotal?: "true" | "false" | "exact";
                isBlocked?: "true" | "false";
                "lastOrderAt[gt]"?: string;
                "lastOrderAt[gte]"?: string;
                "lastOrderAt[lt]"?: string;
                "lastOrderAt[lte]"?: string;
                limit?: number;
                orderBy?: "asc" | "desc";
                orderByField?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                "orderCount[gt]"?: number | null;
                "orderCount[gte]"?: number | null;
                "orderCount[lt]"?: number | null;
                "orderCount[lte]"?: number | null;
                page?: number;
                search?: string;
                /** @description Comma-separated, any letter case: vip, regular, new, inactive */
                segment?: string;
                segmentId?: string;
                sortBy?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                sortOrder?: "asc" | "desc";
                /** @description Comma-separated, any letter case: whatsapp, referral, website, social_media, import, api, other */
                source?: string;
                /** @description Comma-separated, any letter case: active, inactive, blocked, suspended, vip */
                status?: string;
                /** @description Comma-separated, any letter case: a, i, f */
                status_customer?: string;
                tags?: string;
                tagsMatch?: "any" | "all";
                /** @description Comma-separated, any letter case: regular, premium, vip */
                tier?: string;
                toDate?: string;
                "totalSpent[gt]"?: number | null;
                "totalSpent[gte]"?: number | null;
                "totalSpent[lt]"?: number | null;
                "totalSpent[lte]"?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant; segmentId must name a segment of this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Email, phone or externalId already used; details name the existing customer; an Idempotency-Key whose first request is still running is refused; retry shortly */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every phone (phone, phoneNumber, contactNumber, alternativePhones) must be a number libphonenumber accepts, read in the default region when it has no country code; it is stored in E.164; the full name (fullName, name or contact_name, or firstName and lastName joined) must be 2 to 100 characters; an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerDetailResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCustomersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreateInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Duplicate unique value */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every phone (phone, phoneNumber, contactNumber, alternativePhones) must be a number libphonenumber accepts, read in the default region when it has no country code; it is stored in E.164; the full name (fullName, name or contact_name, or firstName and lastName joined) must be 2 to 100 characters */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCustomersId: {
        parameters: {
            query?: {
                permanent?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Permanent delete refused while orders are active or complaints open; details give activeOrders, openComplaints and openComplaintIds */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCustomersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Duplicate unique value */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every phone (phone, phoneNumber, contactNumber, alternativePhones) must be a number libphonenumber accepts, read in the default region when it has no country code; it is stored in E.164; the full name (fullName, name or contact_name, or firstName and lastName joined) must be 2 to 100 characters */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCustomersIdBlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockInput"];
            };
        };
        responses: {
            /** @description The updated customer */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersIdConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration map */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCustomersIdConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigInput"];
            };
        };
        responses: {
            /** @description The configuration map */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersIdConversations: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerConversationList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersIdEvents: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                /** @description Only these event names (comma-separated) */
                name?: string;
                "occurredAt[gt]"?: string;
                "occurredAt[gte]"?: string;
                "occurredAt[lt]"?: string;
                "occurredAt[lte]"?: string;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerEventList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersIdJourneys: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                journeyId?: string;
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
                state?: "active" | "completed" | "exited" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyRunList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersIdMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default sms
                     * @enum {string}
                     */
                    channel?: "email" | "sms";
                    message: string;
                    subject?: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        campaignId: string;
                        /** @enum {boolean} */
                        success: true;
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; The customer cannot be messaged on this channel (reason in details) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersIdNotes: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notes */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerNoteList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersIdNotes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteInput"];
            };
        };
        responses: {
            /** @description The note */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CustomerNote"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; an Idempotency-Key whose first request is still running is refused; retry shortly */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersIdStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statistics */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCustomersIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusInput"];
            };
        };
        responses: {
            /** @description The updated customer */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCustomersIdTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagsInput"];
            };
        };
        responses: {
            /** @description The updated customer */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCustomersIdType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TypeInput"];
            };
        };
        responses: {
            /** @description The updated customer */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such customer */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersAnalytics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Analytics */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersBulkImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkImportBody"];
            };
        };
        responses: {
            /** @description Counts and per-row details */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            duplicates: {
                                [key: string]: unknown;
                            }[];
                            failed: {
                                [key: string]: unknown;
                            }[];
                            success: {
                                [key: string]: unknown;
                            }[];
                        };
                        /** Format: uuid */
                        importId: string;
                        results: {
                            duplicates: number;
                            failed: number;
                            imported: number;
                            updated: number;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description More than 1,000 customers: use POST /imports */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; options.mapping values must name customer fields */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersExport: {
        parameters: {
            query?: {
                city?: string;
                country?: string;
                "createdAt[gt]"?: string;
                "createdAt[gte]"?: string;
                "createdAt[lt]"?: string;
                "createdAt[lte]"?: string;
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                /** @description Comma-separated, any letter case: regular, premium, vip */
                customerType?: string;
                externalId?: string;
                format?: "csv" | "json" | "ndjson";
                fromDate?: string;
                includeTotal?: "true" | "false" | "exact";
                isBlocked?: "true" | "false";
                "lastOrderAt[gt]"?: string;
                "lastOrderAt[gte]"?: string;
                "lastOrderAt[lt]"?: string;
                "lastOrderAt[lte]"?: string;
                limit?: number;
                orderBy?: "asc" | "desc";
                orderByField?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                "orderCount[gt]"?: number | null;
                "orderCount[gte]"?: number | null;
                "orderCount[lt]"?: number | null;
                "orderCount[lte]"?: number | null;
                page?: number;
                search?: string;
                /** @description Comma-separated, any letter case: vip, regular, new, inactive */
                segment?: string;
                segmentId?: string;
                sortBy?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                sortOrder?: "asc" | "desc";
                /** @description Comma-separated, any letter case: whatsapp, referral, website, social_media, import, api, other */
                source?: string;
                /** @description Comma-separated, any letter case: active, inactive, blocked, suspended, vip */
                status?: string;
                /** @description Comma-separated, any letter case: a, i, f */
                status_customer?: string;
                tags?: string;
                tagsMatch?: "any" | "all";
                /** @description Comma-separated, any letter case: regular, premium, vip */
                tier?: string;
                toDate?: string;
                "totalSpent[gt]"?: number | null;
                "totalSpent[gte]"?: number | null;
                "totalSpent[lt]"?: number | null;
                "totalSpent[lte]"?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export, streamed */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant; segmentId must name a segment of this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersImport: {
        parameters: {
            query?: {
                dedupeKeys?: ("email" | "phone" | "externalId")[];
                defaultRegion?: string;
                dryRun?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
                duplicateMode?: "skip" | "update" | "upsert";
                emitCustomerEvents?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
                fileName?: string;
                mapping?: {
                    [key: string]: string;
                };
                unknownColumnsToCustomFields?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown[] | {
                    customers: unknown[];
                };
                "application/x-ndjson": string;
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The CSV file
                     */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description Accepted: the rows are staged and the import is queued */
            202: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Import"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; a CSV needs a header line and at least one row, and must parse as CSV; each NDJSON line must be a JSON object; a multipart body needs a file part */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; the upload must hold at least one row; options given as JSON text (mapping) must parse, and mapping values must name customer fields */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The workflow service is unavailable */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: customer) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Profile not found */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersMeStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statistics */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: customer) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default sms
                     * @enum {string}
                     */
                    channel?: "email" | "sms";
                    customerIds: string[];
                    message: string;
                    subject?: string;
                };
            };
        };
        responses: {
            /** @description Queued; `sent` counts recipients the message will reach, `skipped` the others with the reason */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        campaignId: string;
                        sent: number;
                        skipped: {
                            customerId: string;
                            reason: string;
                        }[];
                        /** @enum {boolean} */
                        success: true;
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An id is not a customer of this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersSearch: {
        parameters: {
            query: {
                city?: string;
                country?: string;
                "createdAt[gt]"?: string;
                "createdAt[gte]"?: string;
                "createdAt[lt]"?: string;
                "createdAt[lte]"?: string;
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                /** @description Comma-separated, any letter case: regular, premium, vip */
                customerType?: string;
                externalId?: string;
                fromDate?: string;
                includeTotal?: "true" | "false" | "exact";
                isBlocked?: "true" | "false";
                "lastOrderAt[gt]"?: string;
                "lastOrderAt[gte]"?: string;
                "lastOrderAt[lt]"?: string;
                "lastOrderAt[lte]"?: string;
                limit?: number;
                orderBy?: "asc" | "desc";
                orderByField?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                "orderCount[gt]"?: number | null;
                "orderCount[gte]"?: number | null;
                "orderCount[lt]"?: number | null;
                "orderCount[lte]"?: number | null;
                page?: number;
                q: string;
                /** @description Comma-separated, any letter case: vip, regular, new, inactive */
                segment?: string;
                segmentId?: string;
                sortBy?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                sortOrder?: "asc" | "desc";
                /** @description Comma-separated, any letter case: whatsapp, referral, website, social_media, import, api, other */
                source?: string;
                /** @description Comma-separated, any letter case: active, inactive, blocked, suspended, vip */
                status?: string;
                /** @description Comma-separated, any letter case: a, i, f */
                status_customer?: string;
                tags?: string;
                tagsMatch?: "any" | "all";
                /** @description Comma-separated, any letter case: regular, premium, vip */
                tier?: string;
                toDate?: string;
                "totalSpent[gt]"?: number | null;
                "totalSpent[gte]"?: number | null;
                "totalSpent[lt]"?: number | null;
                "totalSpent[lte]"?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching customers */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant; segmentId must name a segment of this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersStatsSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Summary */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeliveriesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDeliveryDetail"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such delivery */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDeliveriesIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such delivery */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Already queued */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDevOutbox: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description In production */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEventsNames: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only names that start with this text */
                prefix?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The names */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventNames"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIdentify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentifyCall"];
            };
        };
        responses: {
            /** @description The customer identified */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            created: boolean;
                            /** Format: uuid */
                            customerId: string;
                            /** @description Anonymous events of anonymousId attached to the customer by this call */
                            mergedEvents: number;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant; when the tenant setting eventsCreateCustomers is false, a customer that does not exist is not created */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; an email (or phone) that another customer holds */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; userId, email or traits.email must name the customer (an anonymousId alone names no one); traits that are not customer fields become customFields: keys of at most 100 characters, values of at most 2,000 characters as text; phone must be a valid number */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getImports: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
                status?: "receiving" | "queued" | "running" | "completed" | "failed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of imports */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Import"][];
                        pagination: components["schemas"]["Pagination"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImports: {
        parameters: {
            query?: {
                dedupeKeys?: ("email" | "phone" | "externalId")[];
                defaultRegion?: string;
                dryRun?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
                duplicateMode?: "skip" | "update" | "upsert";
                emitCustomerEvents?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
                fileName?: string;
                mapping?: {
                    [key: string]: string;
                };
                unknownColumnsToCustomFields?: boolean | ("0" | "1" | "true" | "false" | "yes" | "no");
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown[] | {
                    customers: unknown[];
                };
                "application/x-ndjson": string;
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The CSV file
                     */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description Accepted: the rows are staged and the import is queued */
            202: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Import"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; a CSV needs a header line and at least one row, and must parse as CSV; each NDJSON line must be a JSON object; a multipart body needs a file part */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; the upload must hold at least one row; options given as JSON text (mapping) must parse, and mapping values must name customer fields */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The workflow service is unavailable */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getImportsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Import"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such import */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportsIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Import"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such import */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Already finished */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getImportsIdErrors: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                format?: "json" | "csv";
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of row errors (JSON), or all of them (CSV) */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportErrorList"];
                    "text/csv": string;
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such import */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneys: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of journeys */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJourneys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyInput"];
            };
        };
        responses: {
            /** @description Created (status draft) */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; an Idempotency-Key whose first request is still running is refused; retry shortly */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every where (property conditions) and branch rule must be valid in the rule language: fields of GET /segments/fields, operators and values their types take; details point into the journey (nodes[2].branches[0].rule.all[0].operator); an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putJourneysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every where (property conditions) and branch rule must be valid in the rule language: fields of GET /segments/fields, operators and values their types take; details point into the journey (nodes[2].branches[0].rule.all[0].operator) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteJourneysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The journey is live (active or paused); an active or paused journey cannot be deleted: archive it first */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysIdAnalytics: {
        parameters: {
            query?: {
                /** @description A published version number; the current version when absent */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version's analytics */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyAnalytics"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey, or no such version; version must be a published version of the journey; without it the journey must have been published */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJourneysIdArchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Archived */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A draft or already archived; only an active or paused journey can be archived */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJourneysIdPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paused */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not active; only an active journey can be paused */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJourneysIdPublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    migrate?: {
                        /** @description Old node id → new node id, or "exit" to end the run; nodes the new version keeps map to themselves */
                        map: {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Published: the journey with its new current version */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The journey is archived; an archived journey cannot be published */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; the draft must have no problems (the journey's `problems`); details carry location draft and the same paths; every map target must be a node of the new version or "exit"; every node holding open runs must be mapped or kept by the new version (details name migrate.map.<node> with the run count); nothing changes */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postJourneysIdResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description fire: timers that expired while paused fire at once; reschedule: they move later by the paused time
                     * @default fire
                     * @enum {string}
                     */
                    timers?: "fire" | "reschedule";
                };
            };
        };
        responses: {
            /** @description Active again */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not paused; only a paused journey can be resumed */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysIdRuns: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                customerId?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                /** @description Only runs now at this node id */
                node?: string;
                page?: number;
                sortOrder?: "asc" | "desc";
                state?: "active" | "completed" | "exited" | "failed";
                /** @description Only runs on this published version */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyRunList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey or version; version must be a published version of the journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysIdRunsRunId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyRunDetail"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey or run */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysIdVersions: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of versions */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyVersionList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysIdVersionsVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["JourneyVersion"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such journey or version */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessagingClickToken: {
        parameters: {
            query: {
                url: string;
            };
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the target */
            302: {
                headers: {
                    /** @description The signed target URL */
                    Location: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid token or target */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessagingOpenToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A 1×1 GIF */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/gif": string;
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid token */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessagingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description for customers without their own */
                            communicationHours?: {
                                end: string;
                                start: string;
                            };
                            /** @description From header of e-mail, e.g. "Shop <news@shop.example>" */
                            fromEmail?: string;
                            /** @description An IANA timezone name such as Europe/Paris or America/Mexico_City */
                            timezone?: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putMessagingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description for customers without their own */
                    communicationHours?: {
                        end: string;
                        start: string;
                    };
                    /** @description From header of e-mail, e.g. "Shop <news@shop.example>" */
                    fromEmail?: string;
                    /** @description An IANA timezone name such as Europe/Paris or America/Mexico_City */
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description for customers without their own */
                            communicationHours?: {
                                end: string;
                                start: string;
                            };
                            /** @description From header of e-mail, e.g. "Shop <news@shop.example>" */
                            fromEmail?: string;
                            /** @description An IANA timezone name such as Europe/Paris or America/Mexico_City */
                            timezone?: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; a timezone must be an IANA name the zone database knows (Intl.DateTimeFormat accepts it) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMessagingTwilioStatus: {
        parameters: {
            query: {
                ledgerId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description Applied */
            204: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Bad or missing X-Twilio-Signature */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/x-www-form-urlencoded) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessagingUnsubscribeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page with a confirm button */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMessagingUnsubscribeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description Unsubscribed */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @enum {boolean} */
                            unsubscribed: true;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid token */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/x-www-form-urlencoded) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrders: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                customerId?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                "orderDate[gt]"?: string;
                "orderDate[gte]"?: string;
                "orderDate[lt]"?: string;
                "orderDate[lte]"?: string;
                page?: number;
                sortBy?: "placedAt" | "total" | "createdAt";
                sortOrder?: "asc" | "desc";
                /** @description Comma-separated, any letter case: placed, processing, shipped, delivered, cancelled, refunded */
                status?: string;
                "total[gt]"?: number | null;
                "total[gte]"?: number | null;
                "total[lt]"?: number | null;
                "total[lte]"?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders (without items) */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOrders: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrder"];
            };
        };
        responses: {
            /** @description The order with its items */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant; customerId must name a customer of this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The customer is blocked or suspended, or the order number is taken; an Idempotency-Key whose first request is still running is refused; retry shortly */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; subtotal, when sent, must equal the sum of price × quantity, and total must equal subtotal + tax + shipping − discount (never below zero); an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrdersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such order in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchOrdersIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrderStatus"];
            };
        };
        responses: {
            /** @description The updated order with its history */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such order in this tenant */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The lifecycle does not allow this move; details list the allowed next states */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrdersExport: {
        parameters: {
            query?: {
                customerId?: string;
                format?: "csv" | "json" | "ndjson";
                "orderDate[gt]"?: string;
                "orderDate[gte]"?: string;
                "orderDate[lt]"?: string;
                "orderDate[lte]"?: string;
                sortBy?: "placedAt" | "total" | "createdAt";
                sortOrder?: "asc" | "desc";
                /** @description Comma-separated, any letter case: placed, processing, shipped, delivered, cancelled, refunded */
                status?: string;
                "total[gt]"?: number | null;
                "total[gte]"?: number | null;
                "total[lt]"?: number | null;
                "total[lte]"?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export file, one order per row with its items */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegments: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of segments */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSegments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSegment"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Segment"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Name already used; an Idempotency-Key whose first request is still running is refused; retry shortly */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every condition must name a field of GET /segments/fields with an operator and a value that field takes; an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The segment */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Segment"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putSegmentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSegment"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Segment"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Name already used by another segment */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every condition must name a field of GET /segments/fields with an operator and a value that field takes */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSegmentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSegmentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSegment"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Segment"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Name already used by another segment */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every condition must name a field of GET /segments/fields with an operator and a value that field takes */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentsIdCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            count: number;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentsIdCustomers: {
        parameters: {
            query?: {
                city?: string;
                country?: string;
                "createdAt[gt]"?: string;
                "createdAt[gte]"?: string;
                "createdAt[lt]"?: string;
                "createdAt[lte]"?: string;
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                /** @description Comma-separated, any letter case: regular, premium, vip */
                customerType?: string;
                externalId?: string;
                fromDate?: string;
                includeTotal?: "true" | "false" | "exact";
                isBlocked?: "true" | "false";
                "lastOrderAt[gt]"?: string;
                "lastOrderAt[gte]"?: string;
                "lastOrderAt[lt]"?: string;
                "lastOrderAt[lte]"?: string;
                limit?: number;
                orderBy?: "asc" | "desc";
                orderByField?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                "orderCount[gt]"?: number | null;
                "orderCount[gte]"?: number | null;
                "orderCount[lt]"?: number | null;
                "orderCount[lte]"?: number | null;
                page?: number;
                search?: string;
                /** @description Comma-separated, any letter case: vip, regular, new, inactive */
                segment?: string;
                segmentId?: string;
                sortBy?: "createdAt" | "updatedAt" | "fullName" | "email" | "totalSpent" | "totalOrders" | "lastOrderAt" | "lastInteractionAt" | "name" | "orderCount" | "lastInteraction" | "lastOrderDate";
                sortOrder?: "asc" | "desc";
                /** @description Comma-separated, any letter case: whatsapp, referral, website, social_media, import, api, other */
                source?: string;
                /** @description Comma-separated, any letter case: active, inactive, blocked, suspended, vip */
                status?: string;
                /** @description Comma-separated, any letter case: a, i, f */
                status_customer?: string;
                tags?: string;
                tagsMatch?: "any" | "all";
                /** @description Comma-separated, any letter case: regular, premium, vip */
                tier?: string;
                toDate?: string;
                "totalSpent[gt]"?: number | null;
                "totalSpent[gte]"?: number | null;
                "totalSpent[lt]"?: number | null;
                "totalSpent[lte]"?: number | null;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such segment */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentsFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The field catalogue */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSegmentsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewSegment"];
            };
        };
        responses: {
            /** @description Count and sample */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            count: number;
                            sampleCustomers: components["schemas"]["Customer"][];
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; every condition must name a field of GET /segments/fields with an operator and a value that field takes */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSegmentsSuggestions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuggestSegments"];
            };
        };
        responses: {
            /** @description Suggestions, most confident first */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        suggestions: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; the phrase must contain words the rule suggester understands (details list the others) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly, customer) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTenant"];
            };
        };
        responses: {
            /** @description The tenant as changed */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; defaultLanguage must be a BCP 47 tag that Intl.getCanonicalLocales accepts (stored in its canonical form) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenantSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSummaryResponse"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTrack: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackCall"];
            };
        };
        responses: {
            /** @description Stored, or recognised as a repeat */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /**
                             * Format: uuid
                             * @description null for an event known only by anonymousId
                             */
                            customerId: string | null;
                            deduplicated: boolean;
                            /**
                             * Format: uuid
                             * @description The event id (the first one's for a deduplicated repeat)
                             */
                            id: string;
                        };
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such record in this tenant; when the tenant setting eventsCreateCustomers is false, a userId or email that names no customer is refused */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; a userId that names no customer, sent with an email that another customer (with another externalId) holds */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; timestamp must not be more than 24 hours ahead of the server clock (older ones are stored as backfills); properties and context must each be at most 32 KB as JSON (UTF-8) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooks: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        pagination: components["schemas"]["Pagination"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhooks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Created, with its secret */
            201: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookWithSecret"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; an Idempotency-Key whose first request is still running is refused; retry shortly */
            409: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; the url host must resolve ("host … does not resolve"), and only to addresses the SSRF guard allows ("… private or reserved address"), unless WEBHOOK_ALLOWED_HOSTS lists the host; an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused) */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhooksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchWebhooksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhook"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path; the url host must resolve ("host … does not resolve"), and only to addresses the SSRF guard allows ("… private or reserved address"), unless WEBHOOK_ALLOWED_HOSTS lists the host */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksIdDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                eventType?: string;
                from?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
                status?: "pending" | "succeeded" | "failed";
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        pagination: components["schemas"]["Pagination"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhooksIdReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReplayWebhookDeliveries"];
            };
        };
        responses: {
            /** @description The replay job */
            202: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookReplay"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksIdReplays: {
        parameters: {
            query?: {
                /** @description Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number */
                cursor?: string;
                includeTotal?: "true" | "false" | "exact";
                limit?: number;
                page?: number;
                sortOrder?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of replay jobs */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayList"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field; `cursor` must be a `nextCursor` this list returned, used with the same sort */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksIdReplaysReplayId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                replayId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookReplay"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such job */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhooksIdRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecret"];
            };
        };
        responses: {
            /** @description The endpoint with its new secret */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookWithSecret"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes (application/json) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body does not pass validation; details list each failing field with its path */
            422: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhooksIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; follow the delivery */
            202: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such endpoint */
            404: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhooksEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            description: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer */
                    "WWW-Authenticate"?: string;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential's role may not do this (allowed: admin, member, readonly) */
            403: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as Retry-After says */
            429: {
                headers: {
                    /** @description Seconds until the budget refills */
                    "Retry-After": number;
                    /** @description Requests allowed per minute in this budget */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time (seconds) when the budget refills */
                    "X-RateLimit-Reset"?: number;
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PostgreSQL or Temporal is unavailable; nothing changed, retry later */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field */
            400: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body exceeds the size limit (BODY_LIMIT, 1 MB by default) */
            413: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This operation takes no body: send none, or application/json (ignored) */
            415: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is down; checks say which */
            503: {
                headers: {
                    /** @description The request id (echoed when the request sent a sane one) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhook.campaign.cancelled": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The campaign.cancelled event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCancelledEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.campaign.completed": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The campaign.completed event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCompletedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.campaign.paused": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The campaign.paused event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignPausedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.campaign.resumed": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The campaign.resumed event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignResumedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.campaign.scheduled": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The campaign.scheduled event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignScheduledEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.campaign.sent": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The campaign.sent event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignSentEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.campaign.started": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The campaign.started event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignStartedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.blocked": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.blocked event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerBlockedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.created": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.created event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreatedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.deleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.deleted event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerDeletedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.event": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.event event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerEventEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.status_changed": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.status_changed event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerStatusChangedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.tags_changed": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.tags_changed event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerTagsChangedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.unblocked": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.unblocked event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUnblockedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.customer.updated": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The customer.updated event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUpdatedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.endpoint.disabled": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The endpoint.disabled event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointDisabledEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.import.completed": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The import.completed event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportCompletedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.import.failed": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The import.failed event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportFailedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.journey.converted": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The journey.converted event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyConvertedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.journey.entered": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The journey.entered event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyEnteredEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.journey.exited": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The journey.exited event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["JourneyExitedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.order.created": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The order.created event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreatedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.order.status_updated": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The order.status_updated event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderStatusUpdatedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.segment.entered": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The segment.entered event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentEnteredEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.segment.exited": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The segment.exited event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentExitedEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhook.webhook.test": {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: one per event and endpoint, the same on every retry (deduplicate on it) */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated */
                "webhook-signature": components["parameters"]["WebhookSignature"];
                /** @description When this attempt was signed, in Unix seconds (part of the signed content) */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The webhook.test event */
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookTestEvent"];
            };
        };
        responses: {
            /** @description Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable: handled as 429 (`Retry-After` honoured). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`). */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
