import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readYamlMapping } from '../src/index.js'

const ReadYamlMapping = suite('readYamlMapping')

/** Every character YAML gives a meaning at the start of a plain value. */
const INDICATORS = ['*', '|', '>', '!', '&', '%', '@', '`', '{', '[', '-', '?', ':', '#', "'", '"', ',']

const SECRET = 'Pw1-s3cret-x9'

function document(password: string): string {
  return [
    'name: subcloud1',
    'system_mode: simplex',
    `admin_password: ${password}`,
    'release: "24.09"',
    '',
  ].join('\n')
}

ReadYamlMapping('readYamlMapping - reads a mapping of plain values', () => {
  const read = readYamlMapping('name: subcloud1\nport: 22\nlist: [a, b]\nnested:\n  password: "x"\n')
  assert.equal(read, {
    ok: true,
    value: { name: 'subcloud1', port: 22, list: ['a', 'b'], nested: { password: 'x' } },
  })
})

ReadYamlMapping('readYamlMapping - a password after any indicator is never in the error', () => {
  for (const indicator of INDICATORS) {
    const read = readYamlMapping(document(`${indicator}${SECRET}`))
    if (read.ok) {
      // Read as a plain string (`-Pw`, `?Pw`, `:Pw`) or as a comment (`#Pw`): no error to leak into.
      assert.ok(['-', '?', ':', '#'].includes(indicator), `${indicator} was accepted`)
      continue
    }
    const text = JSON.stringify(read)
    assert.not.ok(text.includes('Pw1'), `${indicator}: ${text}`)
    assert.not.ok(text.includes('s3cret'), `${indicator}: ${text}`)
    assert.match(read.message, /line \d+, column \d+/)
  }
})

ReadYamlMapping('readYamlMapping - names the key, the line and the column, and says to quote', () => {
  for (const [indicator, rule] of [
    ['*', /an alias \(\*\) is not allowed; put the value in quotes/],
    ['!', /a tag \(!\) is not allowed; put the value in quotes/],
    ['|', /a block scalar \(\| or >\) is not allowed; put the value in quotes/],
    ['>', /a block scalar/],
    ['&', /an anchor \(&\) is not allowed/],
    ['@', /must not start with a YAML indicator character; put the value in quotes/],
    ['`', /must not start with a YAML indicator character/],
  ] as const) {
    const read = readYamlMapping(document(`${indicator}${SECRET}`))
    assert.is(read.ok, false, indicator)
    if (read.ok) continue
    assert.is(read.reason, 'syntax')
    assert.is(read.problems[0]?.key, 'admin_password', indicator)
    assert.is(read.problems[0]?.line, 3, indicator)
    assert.match(read.message, /^admin_password \(line 3, column \d+\): /)
    assert.match(read.message, rule)
  }
})

ReadYamlMapping('readYamlMapping - nested keys are named by their path', () => {
  const read = readYamlMapping('docker_registries:\n  quay.io:\n    password: *Pw1\n')
  assert.is(read.ok, false)
  if (!read.ok)
    assert.is(
      read.message,
      'docker_registries.quay.io.password (line 3, column 15): an alias (*) is not allowed; put the value in quotes',
    )
})

ReadYamlMapping('readYamlMapping - a repeated key, several documents, and not a mapping', () => {
  const repeated = readYamlMapping('a: 1\nadmin_password: x\nadmin_password: Pw1\n')
  assert.is(repeated.ok, false)
  if (!repeated.ok)
    assert.is(repeated.message, 'admin_password (line 3, column 1): the key appears more than once')
  const two = readYamlMapping('a: 1\n---\nb: 2\n')
  assert.is(two.ok, false)
  if (!two.ok) assert.match(two.message, /must be a single document/)
  for (const text of ['', '- a\n- b\n', 'just text', '42']) {
    const read = readYamlMapping(text)
    assert.is(read.ok, false, text)
    if (!read.ok) {
      assert.is(read.reason, 'not-mapping', text)
      assert.is(read.message, 'must be a YAML mapping of keys to values')
    }
  }
})

ReadYamlMapping('readYamlMapping - a key that could be a password is not named', () => {
  const read = readYamlMapping('"Pw1 secret": *x\n')
  assert.is(read.ok, false)
  if (!read.ok) {
    assert.not.ok(read.message.includes('Pw1'), read.message)
    assert.match(read.message, /^<key> \(line 1/)
  }
})

ReadYamlMapping('readYamlMapping - prints no parser warning', () => {
  const warnings: unknown[] = []
  const listener = (w: unknown): void => {
    warnings.push(w)
  }
  process.on('warning', listener)
  const emit = process.emitWarning
  process.emitWarning = ((w: unknown) => warnings.push(w)) as typeof process.emitWarning
  try {
    readYamlMapping(document(`!${SECRET}`))
    readYamlMapping('%YAML 9.9\n---\na: !<tag:x> 1\n')
    readYamlMapping('? [Pw1, x]\n: value\n')
  } finally {
    process.emitWarning = emit
    process.off('warning', listener)
  }
  assert.equal(warnings, [])
})

ReadYamlMapping('readYamlMapping - an alias bomb is refused before it expands', () => {
  const bomb = [
    'a: &a ["x","x"]',
    ...Array.from(
      { length: 20 },
      (_, i) => `k${i}: &k${i} [*${i === 0 ? 'a' : `k${i - 1}`},*${i === 0 ? 'a' : `k${i - 1}`}]`,
    ),
  ].join('\n')
  const started = Date.now()
  const read = readYamlMapping(bomb)
  assert.is(read.ok, false)
  assert.ok(Date.now() - started < 30_000)
})

ReadYamlMapping('readYamlMapping - never throws, whatever the text', () => {
  const yamlish = fc.array(
    fc.oneof(
      fc.constantFrom(
        ...INDICATORS,
        ': ',
        '\n',
        '  ',
        '\t',
        'a',
        'key',
        '<<',
        '---',
        '...',
        '%YAML 1.1',
        '!!str',
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 40 },
  )
  fc.assert(
    fc.property(yamlish, (parts) => {
      const read = readYamlMapping(parts.join(''))
      return read.ok || read.message.length > 0
    }),
    { numRuns: 3000, seed: 4242 },
  )
})

ReadYamlMapping.run()
