import { afterAll, beforeAll, describe } from 'vitest'
import { migratePostgres, type Postgres } from '../../src/postgres/index.js'
import { annotationCases } from './cases/annotations.cases.js'
import { annotationRepoCases } from './cases/annotations-repo.cases.js'
import { authRepoCases } from './cases/auth-repo.cases.js'
import { datasetCases } from './cases/datasets.cases.js'
import { datasetRepoCases } from './cases/datasets-repo.cases.js'
import { evaluatorCases } from './cases/evaluators.cases.js'
import { keyAndUserCases } from './cases/keys-and-users.cases.js'
import { keysRepoCases } from './cases/keys-repo.cases.js'
import { migrationCases } from './cases/migrations.cases.js'
import { modelAndRunCases } from './cases/models-and-runs.cases.js'
import { modelsRepoCases } from './cases/models-repo.cases.js'
import { onlineEvalCases } from './cases/online-eval.cases.js'
import { projectCases } from './cases/projects.cases.js'
import { promptCases } from './cases/prompts.cases.js'
import { promptRepoCases } from './cases/prompts-repo.cases.js'
import type { CaseContext, PostgresHarness } from './harness.js'

/**
 * The Postgres contract suite: every case runs on PGlite and on a real
 * PostgreSQL server, so the embedded default and `DATABASE_URL` cannot
 * drift apart. One migrated database per test file; cases isolate
 * themselves with their own projects.
 */
export function runStoreCases(harness: PostgresHarness): void {
  describe(`postgres store (${harness.kind})`, () => {
    let pg: Postgres | undefined
    const ctx: CaseContext = {
      harness,
      get pg() {
        if (!pg) throw new Error('the shared database is not open: beforeAll failed')
        return pg
      },
    }

    beforeAll(async () => {
      ;[pg] = await harness.openEmpty()
      await migratePostgres(pg!)
    }, 60_000)
    afterAll(async () => {
      await pg?.close()
    })

    migrationCases(ctx)
    projectCases(ctx)
    keyAndUserCases(ctx)
    modelAndRunCases(ctx)
    modelsRepoCases(ctx)
    promptCases(ctx)
    promptRepoCases(ctx)
    datasetCases(ctx)
    datasetRepoCases(ctx)
    evaluatorCases(ctx)
    onlineEvalCases(ctx)
    annotationCases(ctx)
    annotationRepoCases(ctx)
    keysRepoCases(ctx)
    authRepoCases(ctx)
  })
}
