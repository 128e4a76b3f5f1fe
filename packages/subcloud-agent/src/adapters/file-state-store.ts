import { mkdir, readFile, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { StateDocumentError, validateDocument } from '../state-document.js'
import type { AgentStateDocument, StateStore } from '../state-document.js'
import { isAtomicTempFile, writeFileAtomic } from './atomic-file.js'

/** Name of the agent's state document inside `--state-dir`. */
export const STATE_FILE_NAME = 'agent-state.json'

/** {@link StateStore} on one JSON file, replaced atomically on every save. */
export class FileStateStore implements StateStore {
  readonly #dir: string
  readonly path: string

  constructor(stateDir: string) {
    this.#dir = stateDir
    this.path = join(stateDir, STATE_FILE_NAME)
  }

  /** Read the document; `undefined` on first start. Temp files of an interrupted save are removed. */
  async load(): Promise<AgentStateDocument | undefined> {
    await mkdir(this.#dir, { recursive: true })
    for (const name of await readdir(this.#dir)) {
      if (isAtomicTempFile(name)) await unlink(join(this.#dir, name)).catch(() => undefined)
    }
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw err
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (err) {
      throw new StateDocumentError(`${this.path} is not valid JSON`, { cause: err })
    }
    try {
      return validateDocument(raw)
    } catch (err) {
      if (!(err instanceof StateDocumentError)) throw err
      throw new StateDocumentError(`${this.path}: ${err.message}`, { cause: err })
    }
  }

  async save(doc: AgentStateDocument): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(doc)}\n`)
  }
}
