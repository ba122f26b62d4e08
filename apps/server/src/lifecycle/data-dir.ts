/**
 * The data directory: created if missing, checked for writability, and
 * locked so that a second server never opens the same embedded databases.
 *
 * chDB and PGlite each serve one process per directory; two processes on one
 * directory would corrupt it. The lock is a file holding the owner's pid,
 * created with O_EXCL; a lock left by a process that no longer runs is taken
 * over.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config/config.js'

export interface DataDirLock {
  release(): void
}

const LOCK_FILE = 'assay.lock'

/** Makes sure `dir` exists and is writable; throws ConfigError saying what to fix. */
export function prepareDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true })
    const probe = path.join(dir, `.write-test-${process.pid}`)
    fs.writeFileSync(probe, '')
    fs.rmSync(probe)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ConfigError(
      `ASSAY_DATA_DIR ${dir} cannot be written (${code}); choose a writable directory or fix its permissions`,
    )
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the directory's lock or throws ConfigError naming the process that holds it. */
export function lockDataDir(dir: string): DataDirLock {
  const lockPath = path.join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx')
      fs.writeSync(fd, String(process.pid))
      fs.closeSync(fd)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          try {
            if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.rmSync(lockPath)
          } catch {
            // Already gone: nothing to release.
          }
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = Number.parseInt(readOrEmpty(lockPath), 10)
    if (Number.isFinite(owner) && owner !== process.pid && isRunning(owner)) {
      throw new ConfigError(
        `ASSAY_DATA_DIR ${dir} is in use by another Assay server (pid ${owner}); stop it or start this one with another data directory`,
      )
    }
    // A stale lock (its process is gone): remove it and try again.
    fs.rmSync(lockPath, { force: true })
  }
  throw new ConfigError(`ASSAY_DATA_DIR ${dir}: could not take the lock file ${lockPath}`)
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    return ''
  }
}
