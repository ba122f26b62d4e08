import {
  decodeLogsJson,
  decodeLogsProtobuf,
  decodeTracesJson,
  decodeTracesProtobuf,
} from '../../src/decode/index.js'
import type { Fixture } from './fixtures.js'
import { type Decoder, testConverter } from './scenario.js'

/** The fixture suites run twice: through the test converter and through the real decoders on the wire bodies. */
const realDecoder: Decoder = {
  traces: (f: Fixture) => (f.format === 'json' ? decodeTracesJson(f.body) : decodeTracesProtobuf(f.body)),
  logs: (f: Fixture) => (f.format === 'json' ? decodeLogsJson(f.body) : decodeLogsProtobuf(f.body)),
}

export const DECODERS: [string, Decoder][] = [
  ['test converter', testConverter],
  ['src/decode', realDecoder],
]
