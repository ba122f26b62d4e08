import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { canonicalJson } from './canonical-json.js'

/**
 * The on-disk judge cache: one small JSON file per answer, at
 * `<dir>/<first two hex digits>/<sha256>.json`. Only usable answers are
 * written (the caller decides), so a failure or a garbage answer is asked
 * again next time. Files are written to a temporary name and renamed, so a
 * reader never sees half a file even with several runs sharing the
 * directory. A file that cannot be read or parsed is a miss, never an error.
 */
export interface CachedAnswer {
  content: string
  model: string
}

/** Bumped when the file format or the meaning of a key changes. */
const FORMAT = 1

export function cacheKey(parts: Record<string, unknown>): string {
  return createHash('sha256')
    .update(canonicalJson({ format: FORMAT, ...parts }))
    .digest('hex')
}

export class JudgeCache {
  constructor(readonly dir: string) {}

  async get(key: string): Promise<CachedAnswer | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.file(key), 'utf8')) as Partial<CachedAnswer> & {
        key?: string
      }
      if (entry.key !== key || typeof entry.content !== 'string' || typeof entry.model !== 'string') {
        return undefined
      }
      return { content: entry.content, model: entry.model }
    } catch {
      return undefined
    }
  }

  /** Best effort: a cache that cannot be written (read-only disk, full disk) only costs a later call. */
  async put(key: string, answer: CachedAnswer): Promise<void> {
    const file = this.file(key)
    const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true })
      const entry = { key, content: answer.content, model: answer.model, createdAt: new Date().toISOString() }
      await writeFile(tmp, JSON.stringify(entry))
      await rename(tmp, file)
    } catch {
      await rm(tmp, { force: true }).catch(() => {})
    }
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`)
  }
}
