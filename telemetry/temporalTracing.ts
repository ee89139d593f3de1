import type * as OtelClient from '@temporalio/interceptors-opentelemetry/lib/client';
import type * as OtelWorker from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { ClientInterceptors } from '@temporalio/client';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow';
import { activeTracing } from './tracing';

/* eslint-disable @typescript-eslint/no-require-imports -- the interceptors are loaded only when tracing is on */

/**
 * The Temporal client's interceptors: with tracing on, starting or signalling a workflow carries
 * the current trace (the API request's span) in the workflow's headers.
 */
export function clientInterceptors(): ClientInterceptors | undefined {
  if (!activeTracing()) return undefined;
  const { OpenTelemetryWorkflowClientInterceptor } = require('@temporalio/interceptors-opentelemetry/lib/client') as typeof OtelClient;
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/**
 * The worker's side of tracing. The workflow bundle always carries the OpenTelemetry workflow
 * interceptors (temporal/buildWorkflowBundle.ts): toggling tracing must not change what workflow
 * code does on replay. Their spans leave the sandbox through the `exporter` sink, registered here
 * always: into the span processor with tracing on, dropped with it off. With tracing on, the
 * activity interceptors continue the workflow's trace in each activity, whose database queries
 * and HTTP calls become its children.
 */
export function workerTracing(): { interceptors?: WorkerInterceptors; sinks: InjectedSinks<OpenTelemetrySinks> } {
  const tracing = activeTracing();
  if (!tracing) return { sinks: { exporter: { export: { fn: () => undefined } } } };
  const otel = require('@temporalio/interceptors-opentelemetry/lib/worker') as typeof OtelWorker;
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new otel.OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new otel.OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: otel.makeWorkflowExporter(tracing.processor, tracing.resource) },
  };
}
