/**
 * Test helper: runs `assay` as a child process, the way a user does, and
 * reads its structured log to learn the URL it listens on.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const bin = path.resolve(import.meta.dirname, '../bin/assay.js')

export interface AssayProcess {
  child: ChildProcess
  url: string
  /** The server's process id (for signals and /proc sampling). */
  pid: number
  /** The OTLP/gRPC port from the ready line, or null when gRPC is off. */
  grpcPort: number | null
  stdout: () => string
  stderr: () => string
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

function baseEnv(env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: '0',
    ASSAY_GRPC_PORT: '0',
    ASSAY_LOG_LEVEL: 'info',
    ...env,
  }
}

/** Runs `assay <args>` to completion (for commands that exit, or fail at start). */
export function runAssay(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: baseEnv(env) })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`assay ${args.join(' ')} did not exit in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Starts `assay serve` and resolves once it logs that it is ready. */
export function startAssay(env: Record<string, string>, timeoutMs = 60_000): Promise<AssayProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], { env: baseEnv(env) })
    let stdout = ''
    let stderr = ''
    let settled = false
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`assay serve was not ready in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.on('data', (d) => {
      stdout += d
      if (settled) return
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"assay is ready"/.exec(stdout)
      if (!match) return
      settled = true
      clearTimeout(timer)
      const grpcPort = /"grpcPort":(\d+)[^\n]*"msg":"assay is ready"/.exec(stdout)
      resolve({
        child,
        url: match[1]!,
        pid: child.pid!,
        grpcPort: grpcPort ? Number(grpcPort[1]) : null,
        stdout: () => stdout,
        stderr: () => stderr,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null) child.kill(signal)
          return exited
        },
      })
    })
    child.on('exit', (code) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(new Error(`assay serve exited with ${code} before it was ready\n${stdout}\n${stderr}`))
    })
  })
}
