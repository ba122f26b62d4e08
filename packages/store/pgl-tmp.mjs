import { PGlite } from '@electric-sql/pglite'
let t=Date.now(); const a = new PGlite(); await a.waitReady; console.log('mem', Date.now()-t)
t=Date.now(); const d = await a.dumpDataDir('none'); console.log('dump', Date.now()-t, d.size)
t=Date.now(); const b = new PGlite({loadDataDir: d}); await b.waitReady; console.log('load', Date.now()-t)
t=Date.now(); const c = new PGlite('/tmp/pgl-test-'+process.pid); await c.waitReady; console.log('disk', Date.now()-t)
console.log((await b.query('select version()')).rows)
