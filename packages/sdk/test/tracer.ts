/** An in-memory tracer provider for unit tests, with Assay's stamp processor. */
import { node, tracing } from '@opentelemetry/sdk-node'
import { StampProcessor } from '../src/setup/stamp-processor.js'

export const exporter = new tracing.InMemorySpanExporter()
const provider = new node.NodeTracerProvider({
  spanProcessors: [new StampProcessor(), new tracing.SimpleSpanProcessor(exporter)],
})
provider.register()

export const finished = () => exporter.getFinishedSpans()
export const named = (name: string) => finished().find((s) => s.name === name)!
