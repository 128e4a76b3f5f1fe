import type { AgentStateDocument, StateStore } from '../state-document.js'

/**
 * {@link StateStore} kept in memory: a simulated site that outlives a kill (its server closed,
 * its process still running) keeps its state, but nothing survives the process. The agent never
 * mutates a document it handed over, so keeping the reference is as good as a copy.
 */
export class MemoryStateStore implements StateStore {
  #doc: AgentStateDocument | undefined

  async load(): Promise<AgentStateDocument | undefined> {
    return this.#doc
  }

  async save(doc: AgentStateDocument): Promise<void> {
    this.#doc = doc
  }
}
