import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'

import type { CommandResult } from '../src/command-spec.js'
import { renderOutput, UnknownColumnError } from '../src/render-output.js'

const LIST: CommandResult = {
  kind: 'list',
  columns: ['uuid', 'name', 'ranges', 'floating_address', 'dynamic'],
  rows: [
    ['u1', 'oam-ipv6', ['fd00::1-fd00::fe'], 'fd00::3', false],
    ['u2', 'pxeboot', ['169.254.202.1-169.254.202.254'], null, true],
  ],
}
const SHOW: CommandResult = {
  kind: 'show',
  fields: [
    ['uuid', 'u1'],
    ['prefix', 64],
    ['gateway_address', null],
  ],
}
const table = { format: 'table', columns: [], showHeader: 'Property' } as const

const RenderOutput = suite('renderOutput')

RenderOutput(
  'renderOutput - -f json prints a list as an array of objects keyed by column, native types',
  () => {
    const text = renderOutput(LIST, { ...table, format: 'json' })
    assert.equal(JSON.parse(text), [
      {
        uuid: 'u1',
        name: 'oam-ipv6',
        ranges: ['fd00::1-fd00::fe'],
        floating_address: 'fd00::3',
        dynamic: false,
      },
      {
        uuid: 'u2',
        name: 'pxeboot',
        ranges: ['169.254.202.1-169.254.202.254'],
        floating_address: null,
        dynamic: true,
      },
    ])
    assert.ok(text.startsWith('[\n  {\n    "uuid": "u1",'), 'indented by two like cliff')
  },
)

RenderOutput('renderOutput - -f json prints a show result as one object', () => {
  assert.equal(JSON.parse(renderOutput(SHOW, { ...table, format: 'json' })), {
    uuid: 'u1',
    prefix: 64,
    gateway_address: null,
  })
})

RenderOutput('renderOutput - -f yaml round-trips to the same data as json', () => {
  const yaml = parse(renderOutput(LIST, { ...table, format: 'yaml' })) as unknown
  assert.equal(yaml, JSON.parse(renderOutput(LIST, { ...table, format: 'json' })))
})

RenderOutput('renderOutput - -f value prints space-separated cells, one row per line', () => {
  assert.is(
    renderOutput(LIST, { ...table, format: 'value' }),
    "u1 oam-ipv6 ['fd00::1-fd00::fe'] fd00::3 False\nu2 pxeboot ['169.254.202.1-169.254.202.254'] None True\n",
  )
  assert.is(renderOutput(SHOW, { ...table, format: 'value' }), 'u1\n64\nNone\n')
})

RenderOutput('renderOutput - -c keeps only the named columns, in the order given', () => {
  assert.is(
    renderOutput(LIST, { ...table, format: 'value', columns: ['name', 'uuid'] }),
    'oam-ipv6 u1\npxeboot u2\n',
  )
  assert.is(
    renderOutput(SHOW, { ...table, columns: ['prefix'] }),
    '+----------+-------+\n| Property | Value |\n+----------+-------+\n| prefix   | 64    |\n+----------+-------+\n',
  )
})

RenderOutput('renderOutput - -c with an unknown column throws UnknownColumnError listing the columns', () => {
  try {
    renderOutput(LIST, { ...table, columns: ['nope'] })
    assert.unreachable('should throw')
  } catch (error) {
    assert.instance(error, UnknownColumnError)
    assert.match((error as Error).message, "'nope'")
    assert.match((error as Error).message, "'floating_address'")
    assert.is((error as UnknownColumnError).exitCode, 2)
  }
})

RenderOutput('renderOutput - a show table uses the program header: Field for dcmanager', () => {
  assert.match(renderOutput(SHOW, { ...table, showHeader: 'Field' }), '| Field           | Value |')
})

RenderOutput('renderOutput - text results print as they are, with a final newline', () => {
  assert.is(
    renderOutput({ kind: 'text', text: 'Deleted address pool: x' }, table),
    'Deleted address pool: x\n',
  )
  assert.is(renderOutput({ kind: 'text', text: '' }, table), '')
})

const HOSTILE = 'g1\n| 2 | forged |\u001b[31m\u0007\u007f\u0085\u202e'
const HOSTILE_LIST: CommandResult = { kind: 'list', columns: ['id', 'name'], rows: [[1, HOSTILE]] }
const HOSTILE_SHOW: CommandResult = { kind: 'show', fields: [['name', HOSTILE]] }
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/

RenderOutput(
  'renderOutput - no format prints a control character raw, nor a newline that forges a row',
  () => {
    for (const format of ['table', 'value', 'json', 'yaml'] as const) {
      for (const result of [HOSTILE_LIST, HOSTILE_SHOW]) {
        const text = renderOutput(result, { ...table, format })
        assert.not.match(text, RAW, `${format} ${result.kind}`)
        assert.not.ok(text.includes('\n| 2 |'), `${format} ${result.kind}: a forged row`)
      }
    }
    assert.is(renderOutput(HOSTILE_LIST, { ...table, format: 'value' }).split('\n').length, 2)
    assert.is(renderOutput(HOSTILE_LIST, { ...table, format: 'table' }).split('\n').length, 6)
  },
)

RenderOutput('renderOutput - -f json and -f yaml still read back as the exact text', () => {
  const json = renderOutput(HOSTILE_SHOW, { ...table, format: 'json' })
  assert.equal(JSON.parse(json), { name: HOSTILE })
  const yaml = renderOutput(HOSTILE_LIST, { ...table, format: 'yaml' })
  assert.equal(parse(yaml), [{ id: 1, name: HOSTILE }])
})

RenderOutput('renderOutput - a text result keeps its lines and escapes the rest', () => {
  const text = renderOutput({ kind: 'text', text: 'line 1\nline \u001b[1m2' }, table)
  assert.is(text, 'line 1\nline \\x1b[1m2\n')
})

RenderOutput.run()
