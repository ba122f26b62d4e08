// The server's behaviour for one test: one-shot plans queued by `once`/`failNext`,
// rules and responders added by `script`, and markers in the prompt. All three merge,
// the most deliberate winning: queued over scripted over markers.
import { planFromMarkers } from './markers.js'
import { type ErrorPlan, type LlmRequest, mergePlans, type Plan, type Responder, type Rule } from './plan.js'

export class Script {
  private readonly queue: Plan[] = []
  private entries: { rule: Rule; used: number }[] = []

  /** Adds a responder or a rule, consulted in the order added; returns a function that removes it. */
  add(step: Responder | Rule): () => void {
    const entry = { rule: typeof step === 'function' ? { reply: step } : step, used: 0 }
    this.entries.push(entry)
    return () => {
      this.entries = this.entries.filter((e) => e !== entry)
    }
  }

  once(plan: Plan, times = 1): void {
    for (let i = 0; i < times; i++) this.queue.push(plan)
  }

  failNext(times: number, error: number | ErrorPlan): void {
    this.once({ error: typeof error === 'number' ? { status: error } : error }, times)
  }

  clear(): void {
    this.queue.length = 0
    this.entries = []
  }

  async resolve(req: LlmRequest): Promise<Plan> {
    const queued = this.queue.shift()
    return mergePlans(planFromMarkers(req.lastUserText), await this.scripted(req), queued)
  }

  private async scripted(req: LlmRequest): Promise<Plan | undefined> {
    for (const entry of [...this.entries]) {
      const { rule } = entry
      if (!matches(rule, req)) continue
      const plan = typeof rule.reply === 'function' ? await rule.reply(req) : rule.reply
      if (!plan) continue
      entry.used++
      if (rule.times !== undefined && entry.used >= rule.times) {
        this.entries = this.entries.filter((e) => e !== entry)
      }
      return plan
    }
    return undefined
  }
}

function matches(rule: Rule, req: LlmRequest): boolean {
  if (rule.path !== undefined && rule.path !== req.path) return false
  if (typeof rule.model === 'string' && rule.model !== req.model) return false
  if (rule.model instanceof RegExp && !rule.model.test(req.model)) return false
  if (rule.marker !== undefined && !req.lastUserText.includes(rule.marker)) return false
  if (rule.text && !rule.text.test(req.lastUserText)) return false
  return true
}
