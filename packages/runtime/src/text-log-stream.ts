import type { DestinationStream } from 'pino'

/** Fields every line carries that the text form shows in its own places, or not at all. */
const PLACED = new Set(['time', 'level', 'msg', 'service', 'component', 'pid', 'hostname'])

function valueText(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value
  return JSON.stringify(value) ?? String(value)
}

/**
 * One pino JSON line as a line a person reads on a terminal:
 * `2026-12-06T01:14:50.123Z INFO  audit: subcloud online subcloud=subcloud1`.
 */
export function textLine(json: string): string {
  let record: Record<string, unknown>
  try {
    record = JSON.parse(json) as Record<string, unknown>
  } catch {
    return json
  }
  const level = String(record.level ?? '')
    .toUpperCase()
    .padEnd(5)
  const component = typeof record.component === 'string' ? `${record.component}: ` : ''
  const rest = Object.entries(record)
    .filter(([k]) => !PLACED.has(k))
    .map(([k, v]) => ` ${k}=${valueText(v)}`)
    .join('')
  return `${String(record.time ?? '')} ${level} ${component}${String(record.msg ?? '')}${rest}\n`
}

/** A pino destination that writes {@link textLine}s to `sink`. */
export function textLogStream(sink: DestinationStream): DestinationStream {
  return { write: (line: string) => sink.write(textLine(line)) }
}
