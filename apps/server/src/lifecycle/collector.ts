/**
 * The collector inside the server: the write stage on this process's
 * ClickHouse, the export pipeline, and the OTLP/gRPC listener. The HTTP
 * routes are mounted on the main app (same port as the API).
 */
import {
  createExportPipeline,
  createSpanWriter,
  type ExportHandler,
  type RequestMetadata,
  startGrpcServer,
} from '@assay/collector'
import type { ClickHouse } from '@assay/store'
import { type Config, ConfigError } from '../config/config.js'
import type { Logger } from '../logger.js'

export interface RunningCollector {
  handler: ExportHandler
  grpcPort: number | null
  /** Stops the gRPC listener and writes what is buffered. */
  close(): Promise<void>
}

/**
 * `projectOf` decides an export's project from its metadata and throws
 * Unauthenticated for a bad key (`exportProjectOf` in `auth.ts`); gRPC
 * exports are checked here, HTTP ones also before their body is read.
 */
export async function startCollector(
  config: Config,
  clickhouse: ClickHouse,
  projectOf: (metadata: RequestMetadata) => Promise<string>,
  logger: Logger,
): Promise<RunningCollector> {
  const writer = createSpanWriter(clickhouse, { maxBufferedBytes: config.collector.writeBufferBytes })
  const pipeline = createExportPipeline({ writer, projectOf })
  const handler: ExportHandler = async (...args) => {
    try {
      return await pipeline(...args)
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause
      if (cause) logger.warn({ err: cause }, 'export not written')
      throw error
    }
  }
  const grpc = await startGrpcServer({
    port: config.collector.grpcPort,
    host: config.host,
    maxMessageBytes: config.collector.maxBodyBytes,
    handler,
  }).catch(async (error: Error) => {
    await writer.close()
    throw new ConfigError(
      `ASSAY_GRPC_PORT ${config.collector.grpcPort} on ${config.host} cannot be bound (${error.message}); set another port or 'off'`,
    )
  })
  return {
    handler,
    grpcPort: grpc?.port ?? null,
    async close() {
      await grpc?.close(2000)
      await writer.close()
    },
  }
}
