// Dataset files as users write them, hostile ones included: every bad row is an
// error naming its line, nothing is dropped silently.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetError, loadDatasetFile } from '../../src/datasets/index.js'

const dir = mkdtempSync(path.join(tmpdir(), 'assay-datasets-'))
function file(name: string, text: string): string {
  const p = path.join(dir, name)
  writeFileSync(p, text)
  return p
}
async function failure(p: string): Promise<DatasetError> {
  const error = await loadDatasetFile(p).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DatasetError)
  return error as DatasetError
}

describe('JSONL', () => {
  it('reads rows, skips blank lines and a BOM, handles CRLF', async () => {
    const p = file(
      'ok.jsonl',
      '\uFEFF{"inputs":{"q":"a"},"expectations":{"expected_response":"A"}}\r\n\r\n{"inputs":"plain text","metadata":{"n":1}}\n',
    )
    const { rows, source } = await loadDatasetFile(p)
    expect(rows).toEqual([
      { id: '1', inputs: { q: 'a' }, expectations: { expected_response: 'A' } },
      { id: '3', inputs: 'plain text', metadata: { n: '1' } },
    ])
    expect(source).toBe(`file:${p}`)
  })

  it('names the line of a row that is not JSON', async () => {
    const error = await failure(file('bad.jsonl', '{"inputs":{}}\n\n{"inputs": {"q": 1}\n'))
    expect(error.line).toBe(3)
    expect(error.message).toMatch(/bad\.jsonl:3: not valid JSON/)
  })

  it('names the line of a row without inputs, or with an unknown field', async () => {
    expect((await failure(file('noin.jsonl', '{"inputs":1}\n{"expectations":{}}\n'))).message).toMatch(
      /noin\.jsonl:2: the row has no "inputs"/,
    )
    expect((await failure(file('typo.jsonl', '{"inputs":1,"expectation":{}}\n'))).message).toMatch(
      /typo\.jsonl:1: unknown field "expectation"/,
    )
    expect((await failure(file('array.jsonl', '[1,2]\n'))).line).toBe(1)
  })

  it('refuses an empty file, a missing file and an unknown extension', async () => {
    expect((await failure(file('empty.jsonl', '\n  \n'))).message).toMatch(/the dataset is empty/)
    expect((await failure(file('bom-only.jsonl', '\uFEFF'))).message).toMatch(/the dataset is empty/)
    expect((await failure(path.join(dir, 'missing.jsonl'))).message).toMatch(/no such dataset file/)
    expect((await failure(file('data.json', '[]'))).message).toMatch(/unknown dataset format '.json'/)
  })
})

describe('CSV', () => {
  it('reads dotted columns and JSON columns, with a BOM and quoted newlines', async () => {
    const p = file(
      'ok.csv',
      '\uFEFFinputs.question,expectations.expected_response,metadata.topic\n' +
        '"What is 2+2?","4",math\n' +
        '"Say ""hi""\non two lines","hi, there",greeting\n' +
        'last,x,y\n',
    )
    const { rows } = await loadDatasetFile(p)
    expect(rows).toEqual([
      {
        id: '2',
        inputs: { question: 'What is 2+2?' },
        expectations: { expected_response: '4' },
        metadata: { topic: 'math' },
      },
      {
        id: '3',
        inputs: { question: 'Say "hi"\non two lines' },
        expectations: { expected_response: 'hi, there' },
        metadata: { topic: 'greeting' },
      },
      // The quoted newline above makes this record start on line 5, not 4.
      {
        id: '5',
        inputs: { question: 'last' },
        expectations: { expected_response: 'x' },
        metadata: { topic: 'y' },
      },
    ])
  })

  it('reads whole-group JSON columns, keeping a bare text as text', async () => {
    const p = file('json.csv', 'inputs,expectations\n"{""q"": 1}","{""a"": [1,2]}"\nplain question,\n')
    const { rows } = await loadDatasetFile(p)
    expect(rows).toEqual([
      { id: '2', inputs: { q: 1 }, expectations: { a: [1, 2] } },
      { id: '3', inputs: 'plain question' },
    ])
  })

  it('names the line of a bad JSON cell, counting quoted newlines', async () => {
    const p = file('badjson.csv', 'inputs,expectations\n"multi\nline",{}\n"{""q"": }",{}\n')
    const error = await failure(p)
    expect(error.line).toBe(4)
    expect(error.message).toMatch(/badjson\.csv:4: the "inputs" column is not valid JSON/)
  })

  it('names the line of a record with the wrong number of fields, and an unclosed quote', async () => {
    expect((await failure(file('cols.csv', 'inputs.q,expectations.a\n1,2\n3,4,5\n'))).message).toMatch(
      /cols\.csv:3:/,
    )
    expect((await failure(file('quote.csv', 'inputs.q\n"never closed\n'))).message).toMatch(/quote\.csv/)
  })

  it('refuses unknown columns, a file without inputs, and an empty file', async () => {
    expect((await failure(file('unknown.csv', 'question,answer\na,b\n'))).message).toMatch(
      /unknown\.csv:1: unknown column "question"/,
    )
    expect((await failure(file('noinputs.csv', 'expectations.a\nb\n'))).message).toMatch(/no "inputs"/)
    expect((await failure(file('empty.csv', ''))).message).toMatch(/the dataset is empty/)
    expect((await failure(file('header-only.csv', 'inputs.q\n'))).message).toMatch(/the dataset is empty/)
  })
})
