// ESM: the one import comes first, the app follows.
import '@assay/sdk/register'
import './main.mjs'
