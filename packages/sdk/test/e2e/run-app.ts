/**
 * Runs a script (the example app, `examples/rag-app`, or a test fixture) as
 * a child process with the environment a user would set, and reads its
 * `RESULT {...}` line.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

export const appDir = path.resolve(import.meta.dirname, '../../../../examples/rag-app')

export interface AppStep {
  text: string
  traceId: string
}

export interface ScriptRun<R> {
  code: number | null
  stdout: string
  stderr: string
  ms: number
  result: R | undefined
}

export type AppRun = ScriptRun<{ answer: AppStep; agent: AppStep; failing: AppStep }>

export function runApp(nodeArgs: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<AppRun> {
  return runScript(nodeArgs, env, appDir, timeoutMs)
}

export function runScript<R>(
  nodeArgs: string[],
  env: Record<string, string>,
  cwd: string,
  timeoutMs = 60_000,
): Promise<ScriptRun<R>> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${nodeArgs.join(' ')} did not exit in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      const line = /^RESULT (.*)$/m.exec(stdout)
      resolve({
        code,
        stdout,
        stderr,
        ms: Date.now() - started,
        result: line ? (JSON.parse(line[1]!) as R) : undefined,
      })
    })
  })
}
