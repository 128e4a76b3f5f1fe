import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { renderTable } from '../src/render-table.js'

const RenderTable = suite('renderTable')

RenderTable('renderTable - frames a header and rows, left-aligned, one space of padding', () => {
  const text = renderTable(
    ['id', 'hostname', 'personality'],
    [
      ['1', 'controller-0', 'controller'],
      ['2', 'controller-1', 'controller'],
    ],
  )
  assert.is(
    text,
    [
      '+----+--------------+-------------+',
      '| id | hostname     | personality |',
      '+----+--------------+-------------+',
      '| 1  | controller-0 | controller  |',
      '| 2  | controller-1 | controller  |',
      '+----+--------------+-------------+',
      '',
    ].join('\n'),
  )
})

RenderTable('renderTable - an empty list keeps its header between rules, as prettytable prints it', () => {
  assert.is(
    renderTable(['uuid', 'name'], []),
    ['+------+------+', '| uuid | name |', '+------+------+', '+------+------+', ''].join('\n'),
  )
})

RenderTable('renderTable - a multi-line cell spans several lines of its row', () => {
  assert.is(
    renderTable(['Property', 'Value'], [['reason', 'first\nsecond line']]),
    [
      '+----------+-------------+',
      '| Property | Value       |',
      '+----------+-------------+',
      '| reason   | first       |',
      '|          | second line |',
      '+----------+-------------+',
      '',
    ].join('\n'),
  )
})

RenderTable.run()
