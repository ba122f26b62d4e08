import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { Scorer } from '../types.js'
import { defineScorer } from './define-scorer.js'
import { jsonProblem } from './json-problem.js'

export interface JsonSchemaOptions {
  name?: string
}

/**
 * True when the output validates against a JSON schema (draft-07, or 2020-12
 * when the schema's `$schema` says so), validated by Ajv. A string output
 * that parses as JSON is validated as the parsed value; other strings as
 * the string itself. An invalid schema throws here, not on every item.
 */
export function jsonSchema(
  schema: Record<string, unknown> | boolean,
  options: JsonSchemaOptions = {},
): Scorer {
  const name = options.name ?? 'json_schema'
  const validate = compile(name, schema)
  return defineScorer(
    name,
    ({ outputs }) => {
      const value = typeof outputs === 'string' ? parsedOrText(outputs) : outputs
      const problem = jsonProblem(value)
      if (problem) return { value: false, rationale: `output is not representable as JSON: ${problem}` }
      if (validate(value)) return { value: true, rationale: 'output matches the schema' }
      return { value: false, rationale: `output does not match the schema: ${describe(validate.errors)}` }
    },
    { sourceId: 'code:json_schema' },
  )
}

function compile(name: string, schema: Record<string, unknown> | boolean): ValidateFunction {
  if (
    typeof schema !== 'boolean' &&
    (typeof schema !== 'object' || schema === null || Array.isArray(schema))
  ) {
    throw new Error(`${name}: the schema must be an object or a boolean`)
  }
  const draft2020 = typeof schema === 'object' && String(schema.$schema ?? '').includes('2020-12')
  // strict: false accepts the annotation keywords real schemas carry (`example`, vendor `x-` keys).
  const options = { allErrors: true, strict: false, validateFormats: false }
  const ajv = draft2020 ? new Ajv2020(options) : new Ajv(options)
  try {
    return ajv.compile(schema)
  } catch (error) {
    throw new Error(`${name}: invalid JSON schema: ${(error as Error).message}`)
  }
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function describe(errors: ErrorObject[] | null | undefined): string {
  const list = (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
  const more = (errors?.length ?? 0) - list.length
  return list.join('; ') + (more > 0 ? `; and ${more} more` : '')
}
