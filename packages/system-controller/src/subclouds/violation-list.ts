import type { Violation, ViolationKind } from '../errors.js'

/** The violations a request's checks find, each once, in the order found. */
export class ViolationList {
  readonly items: Violation[] = []

  add(key: string, code: string, message: string, kind: ViolationKind): void {
    if (!this.items.some((v) => v.key === key && v.code === code && v.message === message)) {
      this.items.push({ key, code, message, kind })
    }
  }
}
