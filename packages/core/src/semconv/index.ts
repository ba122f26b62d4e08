// Semantic-convention attribute keys shared by the SDK (writer) and the collector (reader).
export { ASSAY_ATTR } from './assay.js'
export { GEN_AI_ATTR, GEN_AI_EVENT } from './gen-ai.js'
