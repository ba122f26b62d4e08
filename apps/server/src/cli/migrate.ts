/** `assay migrate`: apply every pending storage migration, then exit. */
import { type Config, usesDataDir } from '../config/config.js'
import { lockDataDir, prepareDataDir } from '../lifecycle/data-dir.js'
import { openStorage } from '../lifecycle/storage.js'
import type { Logger } from '../logger.js'

export async function runMigrate(config: Config, logger: Logger): Promise<void> {
  if (usesDataDir(config)) prepareDataDir(config.dataDir)
  const lock = usesDataDir(config) ? lockDataDir(config.dataDir) : undefined
  try {
    const storage = await openStorage(config, logger)
    await storage.close()
    logger.info('migrations applied')
  } finally {
    lock?.release()
  }
}
