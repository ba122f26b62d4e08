// @assay/collector: OTLP receive → decode → normalize → write.
export * from './decode/index.js'
export { type OtlpRoutesOptions, otlpRoutes } from './http/otlp-routes.js'
export * from './normalize/index.js'
export { createExportPipeline, type ExportPipelineOptions } from './pipeline/export-pipeline.js'
export * from './receive/index.js'
export {
  createSpanWriter,
  SPAN_WRITER_DEFAULTS,
  type SpanWriter,
  type SpanWriterOptions,
  type WriteBatch,
} from './write/span-writer.js'
