/**
 * Compiled SQL and its parameters. User values only ever travel in
 * `params`; the SQL text holds column names, fixed keywords and
 * `{name:Type}` placeholders, nothing else from the filter.
 */

export interface SqlFragment {
  sql: string
  params: Record<string, unknown>
}

export interface CompileContext {
  /** The ClickHouse database holding `spans` and `assessments`. */
  database: string
  /** Parameter names are `<prefix>0`, `<prefix>1`, ... (default `f`), so two filters can share a query. */
  paramPrefix?: string
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Hands out placeholders; one per compile. */
export class ParamBag {
  readonly params: Record<string, unknown> = {}
  private next = 0
  private readonly prefix: string

  constructor(prefix = 'f') {
    if (!IDENTIFIER.test(prefix))
      throw new TypeError(`paramPrefix must be an identifier, got ${JSON.stringify(prefix)}`)
    this.prefix = prefix
  }

  /** A placeholder for `value`, e.g. `{f3:String}`. */
  add(value: unknown, type: 'String' | 'Float64' | 'Bool' | 'Array(String)' | 'Array(Float64)'): string {
    const name = `${this.prefix}${this.next++}`
    this.params[name] = value
    return `{${name}:${type}}`
  }
}

/** The database name goes into SQL text: it comes from configuration, but is checked all the same. */
export function tableName(database: string, table: string): string {
  if (!IDENTIFIER.test(database))
    throw new TypeError(`database must be an identifier, got ${JSON.stringify(database)}`)
  return `${database}.${table}`
}
