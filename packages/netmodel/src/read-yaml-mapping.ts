import { LineCounter, Scalar, isAlias, isCollection, isMap, isScalar, parseDocument, visit } from 'yaml'
import type { ErrorCode, Node, YAMLError } from 'yaml'

/**
 * One reason a YAML document was refused: where, and which rule. Never the text at fault: a
 * bootstrap values document holds passwords, and any excerpt of it may be one.
 */
export interface YamlProblem {
  /** The key path at fault (`docker_registries.quay.io.password`), undefined before the first key. */
  readonly key: string | undefined
  /** 1-based. */
  readonly line: number
  /** 1-based. */
  readonly column: number
  readonly rule: string
}

/** A document read by {@link readYamlMapping}: its mapping, or why it is not one. */
export type YamlMappingResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | {
      readonly ok: false
      /** `syntax`: not YAML this reader accepts; `not-mapping`: YAML, but not a mapping of keys. */
      readonly reason: 'syntax' | 'not-mapping'
      readonly problems: readonly YamlProblem[]
      /** The problems on one line, e.g. `admin_password (line 3, column 17): an alias ...`. */
      readonly message: string
    }

const QUOTE = 'put the value in quotes'

// The parser's codes in words. Its own messages quote the text at fault, so none is ever shown.
const RULES: Partial<Record<ErrorCode, string>> = {
  BAD_SCALAR_START: `a value must not start with a YAML indicator character; ${QUOTE}`,
  MISSING_CHAR: `a quote or bracket is not closed; ${QUOTE}`,
  DUPLICATE_KEY: 'the key appears more than once',
  BAD_INDENT: `the indentation is inconsistent, or a bracket or quote before it is not closed; ${QUOTE}`,
  TAB_AS_INDENT: 'a tab must not indent',
  MULTIPLE_DOCS: 'must be a single document',
  MULTILINE_IMPLICIT_KEY: 'a key must be on one line',
  BLOCK_AS_IMPLICIT_KEY: 'a key must be on one line',
  KEY_OVER_1024_CHARS: 'a key must be at most 1024 characters',
  TAG_RESOLVE_FAILED: `a tag (!) is not allowed; ${QUOTE}`,
  BAD_ALIAS: `an alias (*) or anchor (&) is not allowed; ${QUOTE}`,
}

const ALIAS_RULE = `an alias (*) is not allowed; ${QUOTE}`
const ANCHOR_RULE = `an anchor (&) is not allowed; ${QUOTE}`
const TAG_RULE = `a tag (!) is not allowed; ${QUOTE}`
const BLOCK_RULE = `a block scalar (| or >) is not allowed; ${QUOTE}`

// A key is named only when it reads as a configuration key: a garbled line could make a
// password parse as a key, and that must not be echoed either.
const SHOWN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/

const MAX_SHOWN = 5

interface KeyAt {
  readonly offset: number
  readonly path: string
}

function keyName(key: unknown): string {
  if (isScalar(key) && key.type === Scalar.PLAIN && SHOWN_KEY.test(String(key.value))) {
    return String(key.value)
  }
  return '<key>'
}

/** Every key with where it starts, in document order, and the problems of the nodes themselves. */
function inspect(doc: ReturnType<typeof parseDocument>): { keys: KeyAt[]; nodes: [number, string][] } {
  const keys: KeyAt[] = []
  const nodes: [number, string][] = []
  const paths = new Map<unknown, string>()
  const refuse = (node: Node, rule: string): void => {
    nodes.push([node.range?.[0] ?? 0, rule])
  }
  visit(doc, {
    Pair(_, pair, path) {
      // Inside `{` or `[` a word becomes a key (`admin_password: {Pw1` makes `Pw1` one): such keys
      // are never named, the block key around them is.
      if (path.some((p) => isCollection(p) && p.flow === true)) return
      const parent = [...path].reverse().find((p) => paths.has(p))
      const prefix = parent === undefined ? '' : `${paths.get(parent) ?? ''}.`
      const name = `${prefix}${keyName(pair.key)}`
      paths.set(pair, name)
      const key = pair.key as Node | null
      keys.push({ offset: key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0, path: name })
    },
    Node(_, node) {
      if (isAlias(node)) return refuse(node, ALIAS_RULE)
      if (node.anchor !== undefined) refuse(node, ANCHOR_RULE)
      if (node.tag !== undefined) refuse(node, TAG_RULE)
      if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) {
        refuse(node, BLOCK_RULE)
      }
      return undefined
    },
  })
  keys.sort((a, b) => a.offset - b.offset)
  return { keys, nodes }
}

// An error found where a key starts is about the value before it (an unclosed `{` noticed at the
// next line), except a repeated key, which is about the key itself.
function keyAt(keys: readonly KeyAt[], offset: number, atKey: boolean): string | undefined {
  let found: string | undefined
  for (const k of keys) {
    if (k.offset > offset || (k.offset === offset && !atKey)) break
    found = k.path
  }
  return found
}

function describe(problems: readonly YamlProblem[]): string {
  const shown = problems
    .slice(0, MAX_SHOWN)
    .map((p) => `${p.key ?? 'document'} (line ${p.line}, column ${p.column}): ${p.rule}`)
  const more = problems.length > MAX_SHOWN ? `; and ${problems.length - MAX_SHOWN} more` : ''
  return `${shown.join('; ')}${more}`
}

/**
 * Reads a YAML document that must be a mapping of keys to plain values, such as bootstrap values.
 * Parser warnings are collected instead of printed, and every error names the key path, the line
 * and the column and the rule, never the source text: an unquoted password that starts with an
 * indicator (`*Pw`, `|Pw`, `!Pw`, `&Pw`) must not be echoed. Aliases, anchors, tags and block
 * scalars are refused too, each with a hint to quote the value: in such a document they are far
 * more often a mistyped value than intended, and an alias lets a small text expand without bound.
 */
export function readYamlMapping(text: string): YamlMappingResult {
  const lines = new LineCounter()
  // `logLevel: 'error'`: the library would otherwise print some warnings itself, quoting the text.
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
  })
  const { keys, nodes } = inspect(doc)
  const found: [number, string, boolean][] = [
    ...[...doc.errors, ...doc.warnings].map((e: YAMLError): [number, string, boolean] => [
      e.pos[0],
      RULES[e.code] ?? `not valid YAML here (${e.code}); ${QUOTE} if it starts with a YAML indicator`,
      e.code === 'DUPLICATE_KEY',
    ]),
    ...nodes.map(([offset, rule]): [number, string, boolean] => [offset, rule, true]),
  ]
  const problems: YamlProblem[] = []
  for (const [offset, rule, atKey] of found.sort((a, b) => a[0] - b[0])) {
    const { line, col } = lines.linePos(offset)
    const problem = { key: keyAt(keys, offset, atKey), line, column: col, rule }
    // One problem per key: the first is the cause, what follows it is the parser losing its place.
    if (!problems.some((p) => p.key === problem.key)) problems.push(problem)
  }
  if (problems.length > 0) return { ok: false, reason: 'syntax', problems, message: describe(problems) }
  if (!isMap(doc.contents)) {
    const problem = { key: undefined, line: 1, column: 1, rule: 'must be a YAML mapping of keys to values' }
    return { ok: false, reason: 'not-mapping', problems: [problem], message: problem.rule }
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown> }
}
