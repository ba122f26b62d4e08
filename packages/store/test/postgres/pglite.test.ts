import { createPostgres } from '../../src/postgres/index.js'
import { runStoreCases } from './store.cases.js'

// The contract cases on embedded PGlite, in memory; one handle stands for every slot (see harness.ts).
runStoreCases({
  kind: 'pglite',
  async openEmpty(handles = 1) {
    const pg = await createPostgres()
    return Array.from({ length: handles }, () => pg)
  },
})
