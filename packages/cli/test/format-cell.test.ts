import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { formatCell } from '../src/format-cell.js'

const FormatCell = suite('formatCell')

FormatCell('formatCell - prints booleans and unset values as Python does', () => {
  assert.is(formatCell(true), 'True')
  assert.is(formatCell(false), 'False')
  assert.is(formatCell(null), 'None')
})

FormatCell('formatCell - prints numbers and text unchanged', () => {
  assert.is(formatCell(64), '64')
  assert.is(formatCell('fd00::'), 'fd00::')
})

FormatCell('formatCell - prints a list of ranges like a Python list of strings', () => {
  assert.is(formatCell(['fd02::1-fd02::ffff:ffff:ffff:fffe']), "['fd02::1-fd02::ffff:ffff:ffff:fffe']")
  assert.is(
    formatCell(['10.0.0.1-10.0.0.9', '10.0.1.1-10.0.1.9']),
    "['10.0.0.1-10.0.0.9', '10.0.1.1-10.0.1.9']",
  )
  assert.is(formatCell([]), '[]')
})

FormatCell('formatCell - switches to double quotes for an item holding a single quote, as repr does', () => {
  assert.is(formatCell(["it's"]), `["it's"]`)
})

FormatCell('formatCell - escapes control and bidirectional characters, in text and in lists', () => {
  assert.is(formatCell('g1\nDefault'), 'g1\\x0aDefault')
  assert.is(formatCell('\u001b[2J\u001b[31mred'), '\\x1b[2J\\x1b[31mred')
  assert.is(formatCell(['a\u0000b', 'c\u202ed']), "['a\\x00b', 'c\\u{202e}d']")
  assert.is(formatCell('Zürich'), 'Zürich')
})

FormatCell.run()
