import { MAX_BOOTSTRAP_VALUES_BYTES } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { CliError } from '../errors.js'

/**
 * Reads the YAML file an option names (`--bootstrap-values`, `--plan`) for sending as text. A
 * missing, unreadable or directory path, or a file over the size the controller accepts, is one
 * line naming the option; nothing is sent then.
 */
export async function readInputFile(
  ctx: CliContext,
  option: string,
  path: string,
  what: 'a bootstrap values file' | 'a plan file',
): Promise<string> {
  let text: string
  try {
    text = await ctx.readTextFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const problem =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `cannot be read (${code ?? (error as Error).message})`
    throw new CliError(`${option} ${problem}: ${path}`, 1, { cause: error })
  }
  // The controller refuses more; checked here so a large file is not sent at all, and so the
  // limit is named instead of grpc-js's "Received message larger than max".
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_BOOTSTRAP_VALUES_BYTES) {
    throw new CliError(
      `${option} ${path} is ${bytes} bytes; ${what} holds at most ` +
        `${MAX_BOOTSTRAP_VALUES_BYTES / 1024} KiB (${MAX_BOOTSTRAP_VALUES_BYTES} bytes)`,
      1,
    )
  }
  return text
}
