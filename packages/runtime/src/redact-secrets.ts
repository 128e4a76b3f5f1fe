/**
 * Secrets kept out of log output whatever a caller passes. The code that logs already redacts
 * bootstrap values; this is the second line: a field whose key names a secret is replaced, and
 * `key: value` / `"key":"value"` pairs of such keys inside free text (a YAML parser's message
 * quoting the input, an error from a library) lose their value.
 */

/** Replaces a secret value. */
export const REDACTED = '[REDACTED]'

// Words that make a key a secret: admin_password, ansible_become_pass, bmc_password, passwd,
// client_secret, natsToken, nkeySeed, credsFile... A key is split into words at `_`, `-`, `.` and
// camel-case humps, so `bypass` or `passive` are not secrets.
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pass',
  'secret',
  'token',
  'seed',
  'creds',
  'credentials',
  'privatekey',
])

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.-]+/)
    .filter((w) => w !== '')
}

/**
 * Verdicts on keys already seen: every log line asks again about the same few field names, and
 * splitting a key into words takes two regular expressions. Emptied when full, to bound memory.
 */
const secretKeyVerdicts = new Map<string, boolean>()
const SECRET_KEY_VERDICTS_LIMIT = 4096
const SECRET_KEY_CACHED_LENGTH = 64

/** Does this object key name a secret? */
export function isSecretKey(key: string): boolean {
  const known = secretKeyVerdicts.get(key)
  if (known !== undefined) return known
  const words = keyWords(key)
  const secret = words.some((w, i) => SECRET_WORDS.has(w) || (w === 'private' && words[i + 1] === 'key'))
  // Field names are short; a long "key" comes from free text, and is not worth keeping.
  if (key.length > SECRET_KEY_CACHED_LENGTH) return secret
  if (secretKeyVerdicts.size >= SECRET_KEY_VERDICTS_LIMIT) secretKeyVerdicts.clear()
  secretKeyVerdicts.set(key, secret)
  return secret
}

// `key: value`, `key=value`, `"key": "value"`. Only the key and separator are matched, so a
// value that itself looks like a key (`YAML: admin_password: x`) is still looked at as one. The
// key is a whole run of word characters, taken at the run's start and never given back (the
// lookahead and its backreference): tried from every letter inside a run, and shortened letter
// by letter, a long run with no separator after it (a token, a blob quoted in an error message)
// cost time in the square of its length, 5 s for 40,000 characters.
const KEY_SEPARATOR = /(?<![\w.-])(["']?)(?=([\w.-]+))\2\1(\s*[:=]\s*)/g
// The value: a quoted string, or everything up to the next blank, comma, semicolon or bracket.
const VALUE = /"(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s,;}\]]+/y

/** Free text with the values of `secret_key: value` pairs replaced. */
export function scrubSecretText(text: string): string {
  let out = ''
  let copied = 0
  for (const match of text.matchAll(KEY_SEPARATOR)) {
    const valueAt = match.index + match[0].length
    if (valueAt < copied || !isSecretKey(match[2] ?? '')) continue
    VALUE.lastIndex = valueAt
    const value = VALUE.exec(text)
    if (value === null) continue
    out += text.slice(copied, valueAt) + REDACTED
    copied = valueAt + value[0].length
  }
  return out + text.slice(copied)
}

const MAX_DEPTH = 8

/**
 * A copy of `value` fit for a log line: values under secret keys replaced, strings scrubbed,
 * errors turned into `{ type, message, stack, code }` (scrubbed too), depth bounded.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecretText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '[too deep]'
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code
    return {
      type: value.name,
      message: scrubSecretText(value.message),
      ...(value.stack === undefined ? {} : { stack: scrubSecretText(value.stack) }),
      ...(code === undefined ? {} : { code }),
      ...(value.cause === undefined ? {} : { cause: redactSecrets(value.cause, depth + 1) }),
    }
  }
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1))
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      isSecretKey(k) && v !== undefined && v !== null && v !== '' ? REDACTED : redactSecrets(v, depth + 1)
  }
  return out
}
