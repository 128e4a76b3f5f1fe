import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { MAX_TEXT, escapeControlChars, textProblem } from '../src/index.js'

const TextProblem = suite('textProblem')

TextProblem('textProblem - accepts printable text of any script, up to 255 characters', () => {
  for (const text of ['', 'subcloud-1', 'Ottawa, ON', 'Zürich – 東京', 'x'.repeat(MAX_TEXT)]) {
    assert.is(textProblem(text), undefined, JSON.stringify(text))
  }
})

TextProblem('textProblem - refuses C0 and C1 controls, DEL and bidirectional controls', () => {
  const forbidden = [
    ...Array.from({ length: 0x20 }, (_, i) => i),
    ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
    0x061c,
    0x200e,
    0x200f,
    0x202a,
    0x202e,
    0x2066,
    0x2069,
  ]
  for (const code of forbidden) {
    const problem = textProblem(`a${String.fromCodePoint(code)}b`)
    assert.is(problem?.code, 'FIELD_CONTROL_CHARS', code.toString(16))
  }
  // The rule holds the same on every call (a global regular expression keeps state between tests).
  assert.is(textProblem('p\u0001x')?.code, 'FIELD_CONTROL_CHARS')
  assert.is(textProblem('p\u0001x')?.code, 'FIELD_CONTROL_CHARS')
})

TextProblem('textProblem - refuses text longer than the limit', () => {
  assert.equal(textProblem('x'.repeat(MAX_TEXT + 1)), {
    code: 'FIELD_TOO_LONG',
    reason: 'at most 255 characters',
  })
  assert.is(textProblem('x'.repeat(20), 10)?.code, 'FIELD_TOO_LONG')
})

const Escape = suite('escapeControlChars')

Escape('escapeControlChars - writes each refused character as an escape, leaves the rest', () => {
  assert.is(escapeControlChars('a\u001b[31mred\u0007'), 'a\\x1b[31mred\\x07')
  assert.is(escapeControlChars('g1\nDefault'), 'g1\\x0aDefault')
  assert.is(escapeControlChars('x\u007f\u0085\u202ey'), 'x\\x7f\\x85\\u{202e}y')
  assert.is(escapeControlChars('Zürich 東京 \\x'), 'Zürich 東京 \\x')
})

Escape('escapeControlChars - keeps the characters it is told to keep', () => {
  assert.is(escapeControlChars('line 1\nline\t2\r\n', { keep: '\n' }), 'line 1\nline\\x092\\x0d\n')
})

Escape('escapeControlChars - what it returns passes the text rule', () => {
  let all = ''
  for (let code = 0; code < 0x2100; code++) all += String.fromCodePoint(code)
  assert.is(textProblem(escapeControlChars(all), Infinity), undefined)
})

TextProblem.run()
Escape.run()
