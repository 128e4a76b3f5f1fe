import type { ComponentChildren } from 'preact'
import { toneOf } from './labels.js'
import type { Counts } from './console-wire.js'

/** A status written out, its tone a second cue only. */
export function Status(props: { readonly value: string; readonly label?: string }) {
  return <span class={`badge tone-${toneOf(props.value)}`}>{props.label ?? props.value}</span>
}

/** Counts of one status, as a labelled list. */
export function CountList(props: {
  readonly title: string
  readonly counts: Counts
  readonly label?: (key: string) => string
  readonly order?: readonly string[]
}) {
  const keys = [
    ...(props.order ?? []).filter((k) => k in props.counts),
    ...Object.keys(props.counts)
      .filter((k) => !(props.order ?? []).includes(k))
      .sort(),
  ]
  const id = `count-${props.title.replace(/\W+/g, '-').toLowerCase()}`
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {keys.length === 0 ? (
        <p>none</p>
      ) : (
        <dl class="counts">
          {keys.map((k) => (
            <div key={k} data-count={k}>
              <dt>
                <Status value={k} label={props.label?.(k) ?? k} />
              </dt>
              <dd>{props.counts[k]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}

/** A labelled text filter or choice. */
export function Field(props: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      {props.children}
    </label>
  )
}

export function Choice(props: {
  readonly label: string
  readonly value: string
  readonly options: readonly string[]
  readonly optionLabel?: (value: string) => string
  readonly onChange: (value: string) => void
}) {
  return (
    <Field label={props.label}>
      <select
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">any</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.optionLabel?.(o) ?? (o === '' ? '(none)' : o)}
          </option>
        ))}
      </select>
    </Field>
  )
}

export function TextFilter(props: {
  readonly label: string
  readonly value: string
  readonly onInput: (v: string) => void
}) {
  return (
    <Field label={props.label}>
      <input
        type="search"
        value={props.value}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </Field>
  )
}

/** A strategy's progress: a labelled bar and the counts in words. */
export function Progress(props: { readonly done: number; readonly total: number; readonly text: string }) {
  return (
    <div class="progress">
      <progress max={Math.max(1, props.total)} value={props.done} aria-label="strategy progress" />
      <span data-progress>{props.text}</span>
    </div>
  )
}
