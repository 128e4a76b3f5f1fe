/** Longest name or free-text field (dcmanager's column size). */
export const MAX_TEXT = 255

// C0 controls and DEL, C1 controls, and the bidirectional controls that make text display in an
// order other than the one it is stored in (names end up in tables, alarms and logs).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Why a text cannot be stored, with its stable code. */
export interface TextProblem {
  readonly code: 'FIELD_TOO_LONG' | 'FIELD_CONTROL_CHARS'
  readonly reason: string
}

/**
 * Why `value` cannot be stored as a name or free text, or undefined when it can: the one rule
 * every name and text field of the controller and the agent follows.
 */
export function textProblem(value: string, max = MAX_TEXT): TextProblem | undefined {
  if (value.length > max) return { code: 'FIELD_TOO_LONG', reason: `at most ${max} characters` }
  if (value.search(CONTROL_CHARS) >= 0) {
    return {
      code: 'FIELD_CONTROL_CHARS',
      reason: 'must not contain control or bidirectional formatting characters',
    }
  }
  return undefined
}

/** How {@link escapeControlChars} writes a character, and which it leaves alone. */
export interface EscapeOptions {
  /** Characters left as they are (the newlines of a text that has lines). @default none */
  readonly keep?: string
  /** The escape for a code point. @default `\xNN` up to U+00FF, `\u{NNNN}` above */
  readonly as?: (codePoint: number) => string
}

function shellEscape(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`
}

/**
 * `value` with every character {@link textProblem} refuses written as an escape (`\x1b`,
 * `\u{202e}`), so none reaches a terminal raw.
 */
export function escapeControlChars(value: string, options: EscapeOptions = {}): string {
  const { keep = '', as = shellEscape } = options
  return value.replace(CONTROL_CHARS, (c) => (keep.includes(c) ? c : as(c.codePointAt(0) ?? 0)))
}
