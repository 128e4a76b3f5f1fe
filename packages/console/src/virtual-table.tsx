// A table that renders only the rows in view (plus a few), so 10,000 rows scroll smoothly.
import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef, useState } from 'preact/hooks'

export interface Column<T> {
  readonly key: string
  readonly label: string
  readonly render: (row: T) => ComponentChildren
}

export interface VirtualTableProps<T> {
  readonly label: string
  readonly columns: readonly Column<T>[]
  readonly rows: readonly T[]
  readonly rowKey: (row: T) => string
  readonly sort?: { readonly key: string; readonly descending: boolean }
  readonly onSort?: (key: string) => void
  /** Enter on the active row. */
  readonly onOpen?: (row: T) => void
}

export const ROW_HEIGHT = 32
const OVERSCAN = 8

/**
 * Keyboard: Tab into the table body, then arrows, Page Up/Down, Home and End move the active row
 * (announced by aria-activedescendant) and Enter opens it. Column headers are buttons that sort.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { columns, rows, rowKey, sort, onSort, onOpen } = props
  const body = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)
  const [active, setActive] = useState(0)
  useLayoutEffect(() => {
    const element = body.current
    if (element === null) return
    const measure = (): void => setHeight(element.clientHeight)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)
  const visible = rows.slice(first, last)
  const activeRow = Math.min(active, rows.length - 1)

  const moveTo = (index: number): void => {
    const target = Math.max(0, Math.min(rows.length - 1, index))
    setActive(target)
    const element = body.current
    if (element === null) return
    const top = target * ROW_HEIGHT
    if (top < element.scrollTop) element.scrollTop = top
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight
    }
  }
  const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1)
  const onKeyDown = (event: KeyboardEvent): void => {
    const moves: Readonly<Record<string, number>> = {
      ArrowDown: activeRow + 1,
      ArrowUp: activeRow - 1,
      PageDown: activeRow + page,
      PageUp: activeRow - page,
      Home: 0,
      End: rows.length - 1,
    }
    const to = moves[event.key]
    if (to !== undefined) {
      event.preventDefault()
      moveTo(to)
    } else if (event.key === 'Enter' && onOpen !== undefined) {
      const row = rows[activeRow]
      if (row !== undefined) onOpen(row)
    }
  }
  const idOf = (index: number): string => `row-${props.label.replace(/\W+/g, '-')}-${index}`
  return (
    <div class="vtable" role="table" aria-label={props.label} aria-rowcount={rows.length + 1}>
      <div class="vrow vhead" role="row" aria-rowindex={1}>
        {columns.map((c) => (
          <div
            class={`vcell c-${c.key}`}
            role="columnheader"
            key={c.key}
            aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
          >
            {onSort === undefined ? (
              c.label
            ) : (
              <button type="button" onClick={() => onSort(c.key)}>
                {c.label}
                <span aria-hidden="true">{sort?.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
              </button>
            )}
          </div>
        ))}
      </div>
      <div
        class="vbody"
        ref={body}
        tabIndex={0}
        role="rowgroup"
        aria-activedescendant={rows.length > 0 ? idOf(activeRow) : undefined}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: `${rows.length * ROW_HEIGHT}px`, position: 'relative' }}>
          {visible.map((row, i) => {
            const index = first + i
            return (
              <div
                class={index === activeRow ? 'vrow active' : 'vrow'}
                role="row"
                id={idOf(index)}
                key={rowKey(row)}
                aria-rowindex={index + 2}
                aria-selected={index === activeRow}
                style={{ top: `${index * ROW_HEIGHT}px` }}
                onClick={() => setActive(index)}
              >
                {columns.map((c) => (
                  <div class={`vcell c-${c.key}`} role="cell" key={c.key}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
