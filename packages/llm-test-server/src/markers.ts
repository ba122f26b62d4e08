// Markers let a test steer one request from inside the prompt, which is the only part
// of a judge call a dataset item controls: `[[error:429:retry-after=1]]` in an
// expected output makes that item's judge call fail. Unknown markers are ignored, so
// text that happens to contain `[[...]]` is answered normally.
import { type ErrorPlan, mergePlans, type Plan } from './plan.js'

const MARKER = /\[\[([a-z-]+)(?::([^\]]*))?\]\]/g

/**
 * | marker | effect |
 * |---|---|
 * | `[[error:500]]`, `[[error:429:retry-after=1]]`, `[[error:429:retry-after-ms=50]]` | answer that error |
 * | `[[delay:5000]]` | wait 5 s before answering (client timeouts) |
 * | `[[malformed-json]]` | cut the answer so it does not parse |
 * | `[[no-rationale]]`, `[[omit:field]]` | drop a property from the JSON answer |
 * | `[[set:verdict=no]]` | set a property of the JSON answer (value parsed as JSON if it can be) |
 * | `[[reply:some text]]` | answer this text |
 * | `[[finish:length]]` | report this finish reason |
 * | `[[disconnect]]` | close the connection without answering |
 */
export function planFromMarkers(text: string): Plan | undefined {
  const steps = [...text.matchAll(MARKER)].map(([, name, arg = '']) => markerPlan(name!, arg))
  return steps.some(Boolean) ? mergePlans(...steps) : undefined
}

export function stripMarkers(text: string): string {
  return text.replace(MARKER, '').replace(/\s+/g, ' ').trim()
}

function markerPlan(name: string, arg: string): Plan | undefined {
  switch (name) {
    case 'error':
      return { error: errorFromMarker(arg) }
    case 'delay':
      return { delayMs: Number(arg) || 0 }
    case 'malformed-json':
      return { malformed: true }
    case 'no-rationale':
      return { omit: ['rationale'] }
    case 'omit':
      return { omit: [arg] }
    case 'set': {
      const eq = arg.indexOf('=')
      return eq > 0 ? { set: { [arg.slice(0, eq)]: parseValue(arg.slice(eq + 1)) } } : undefined
    }
    case 'reply':
      return { content: arg }
    case 'finish':
      return { finishReason: arg as Plan['finishReason'] }
    case 'disconnect':
      return { disconnect: true }
    default:
      return undefined
  }
}

function errorFromMarker(arg: string): ErrorPlan {
  const [status, ...params] = arg.split(':')
  const error: ErrorPlan = { status: Number(status) || 500 }
  for (const param of params) {
    const [key, value] = param.split('=')
    if (key === 'retry-after') error.retryAfter = Number(value)
    if (key === 'retry-after-ms') error.retryAfterMs = Number(value)
  }
  return error
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}
