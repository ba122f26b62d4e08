/**
 * `setActiveModel({ name, params })`: finds or creates the LoggedModel for
 * this version of the app (name, params and git commit) and stamps its id
 * on every span started afterwards. If Assay cannot be reached the app goes
 * on untraced-by-model: a warning, and the previous active model is kept.
 */
import { ApiCallError, callApi } from '../api-client.js'
import { sdkState } from '../state.js'
import { warnOnce } from '../warn.js'
import { gitState } from './git.js'

export interface ActiveModelOptions {
  name: string
  params?: Record<string, string | number | boolean>
  tags?: Record<string, string>
}

export interface LoggedModelRef {
  id: string
  name: string
}

export async function setActiveModel(options: ActiveModelOptions): Promise<LoggedModelRef | undefined> {
  try {
    const { body } = await callApi<LoggedModelRef>('POST', '/models?reuse=true', {
      body: {
        name: options.name,
        params: options.params ?? {},
        tags: options.tags ?? {},
        git: await gitState(),
        source: 'sdk',
      },
    })
    if (!body?.id) throw new ApiCallError('POST /models answered without an id', undefined)
    sdkState().activeModelId = body.id
    return { id: body.id, name: body.name }
  } catch (err) {
    warnOnce(
      `model:${options.name}`,
      `could not set the active model '${options.name}': ${(err as Error).message}`,
    )
    return undefined
  }
}

/** The id stamped on new spans, if any. */
export function activeModelId(): string | undefined {
  return sdkState().activeModelId
}

/** Stops stamping a model id on new spans. */
export function clearActiveModel(): void {
  sdkState().activeModelId = undefined
}
