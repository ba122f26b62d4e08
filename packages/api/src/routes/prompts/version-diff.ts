/**
 * What changed between two prompt versions: a line diff of the templates
 * (by the `diff` package, the same algorithm as `diff -u`), the model
 * config keys whose values differ, and whether the response format did.
 * A chat template is compared as text, one `[role]` header per message,
 * so a reworded message shows as changed lines under its role.
 */
import { isDeepStrictEqual } from 'node:util'
import type { PromptTemplate, PromptVersion } from '@assay/core'
import { createTwoFilesPatch, diffLines } from 'diff'

export type LineOp = 'equal' | 'add' | 'remove'

export interface VersionDiff {
  template: { lines: { op: LineOp; text: string }[]; patch: string; changed: boolean }
  modelConfig: { key: string; from?: unknown; to?: unknown }[]
  responseFormat: { changed: boolean; from: unknown; to: unknown }
}

export function templateText(template: PromptTemplate): string {
  if (template.type === 'text') return ensureNewline(template.text)
  return template.messages
    .map((m) =>
      'role' in m ? `[${m.role}]\n${ensureNewline(m.content)}` : `[messages placeholder: ${m.name}]\n`,
    )
    .join('')
}

const ensureNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`)

export function diffVersions(name: string, from: PromptVersion, to: PromptVersion): VersionDiff {
  const before = templateText(from.template)
  const after = templateText(to.template)
  const lines = diffLines(before, after).flatMap((change) => {
    const op: LineOp = change.added ? 'add' : change.removed ? 'remove' : 'equal'
    return change.value
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ op, text }))
  })
  const patch = createTwoFilesPatch(`${name}/${from.version}`, `${name}/${to.version}`, before, after)
  return {
    template: { lines, patch, changed: before !== after },
    modelConfig: configChanges(from.modelConfig ?? {}, to.modelConfig ?? {}),
    responseFormat: {
      changed: !isDeepStrictEqual(from.responseFormat, to.responseFormat),
      from: from.responseFormat,
      to: to.responseFormat,
    },
  }
}

function configChanges(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return keys
    .filter((key) => !isDeepStrictEqual(a[key], b[key]))
    .map((key) => ({
      key,
      ...(Object.hasOwn(a, key) ? { from: a[key] } : {}),
      ...(Object.hasOwn(b, key) ? { to: b[key] } : {}),
    }))
}
