/**
 * The versioned list of ClickHouse migrations, and the pure function that
 * renders every DDL statement for a deployment shape (tests validate it).
 *
 * Append new versions; never edit an applied one. Every statement is
 * `IF NOT EXISTS` (or otherwise idempotent) so concurrent appliers converge.
 */
import { assessmentVersionStatements } from './assessment-versions.js'
import { assessmentsTable } from './assessments.js'
import { type DdlContext, render, tableStatements } from './render.js'
import { schemaMigrationsStatements } from './schema-migrations.js'
import { spanEventsTable } from './span-events.js'
import { spansTable } from './spans.js'
import { traceIndexTable, traceIndexView } from './trace-index.js'

export interface Migration {
  version: number
  name: string
  statements: string[]
}

export function clickhouseMigrations(ctx: DdlContext): Migration[] {
  return [
    { version: 1, name: 'spans', statements: tableStatements(spansTable, ctx) },
    { version: 2, name: 'span_events', statements: tableStatements(spanEventsTable, ctx) },
    { version: 3, name: 'assessments', statements: tableStatements(assessmentsTable, ctx) },
    {
      version: 4,
      name: 'trace_index',
      statements: [...tableStatements(traceIndexTable, ctx), render(traceIndexView, ctx)],
    },
    { version: 5, name: 'assessment_versions', statements: assessmentVersionStatements(ctx) },
  ]
}

/** Every DDL statement, in order, for `{ database, cluster? }`: the bootstrap then all migrations. */
export function clickhouseDdl(ctx: DdlContext): string[] {
  return [...schemaMigrationsStatements(ctx), ...clickhouseMigrations(ctx).flatMap((m) => m.statements)]
}
