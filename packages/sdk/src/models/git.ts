/**
 * The git commit, branch and dirty state of the working directory, so a
 * LoggedModel names the code it ran. Outside a repository (or without git)
 * every field is null.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface GitState {
  commit: string | null
  branch: string | null
  dirty: boolean | null
}

async function git(args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, { timeout: 3000 })
    return stdout.trim()
  } catch {
    return null
  }
}

export async function gitState(): Promise<GitState> {
  const commit = await git(['rev-parse', 'HEAD'])
  if (!commit) return { commit: null, branch: null, dirty: null }
  const [branch, status] = await Promise.all([
    git(['rev-parse', '--abbrev-ref', 'HEAD']),
    git(['status', '--porcelain', '--untracked-files=no']),
  ])
  return { commit, branch: branch === 'HEAD' ? null : branch, dirty: status === null ? null : status !== '' }
}
