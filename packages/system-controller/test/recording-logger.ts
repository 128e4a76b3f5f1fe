import { createLogger } from '@dc/runtime'
import type { Logger } from '@dc/runtime'

/** A real logger whose lines land in `lines` as `<prefix>: <message>` (debug and up). */
export function recordingLogger(lines: string[], prefix?: string): Logger {
  return createLogger({
    name: 'test',
    level: 'debug',
    destination: {
      write: (line) => {
        const { msg } = JSON.parse(line) as { msg: string }
        lines.push(prefix === undefined ? msg : `${prefix}: ${msg}`)
      },
    },
  })
}
