import { useEffect, useId, useState, type ReactNode } from 'react';

/**
 * A number input that commits only valid values in [min, max]; while the text is invalid it says
 * so instead of saving something wrong.
 */
export function NumberField(props: {
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  invalidText: string;
  onCommit(value: number): void;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(n) && n >= props.min && n <= props.max;
  return (
    <div className="field number-field">
      <label htmlFor={id}>{props.label}</label>
      <span className="input-with-unit">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          value={text}
          aria-invalid={!valid}
          onChange={(e) => {
            setText(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= props.min && v <= props.max) props.onCommit(v);
          }}
        />
        {props.unit && <span className="unit">{props.unit}</span>}
      </span>
      {!valid && (
        <span className="field-error" role="alert">
          {props.invalidText}
        </span>
      )}
    </div>
  );
}

export function Checkbox(props: { label: ReactNode; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:MM ↔ minute of day. */
export function TimeField(props: { label: string; minute: number; onCommit(minute: number): void }) {
  const id = useId();
  return (
    <span className="time-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="time"
        value={`${pad(Math.floor(props.minute / 60))}:${pad(props.minute % 60)}`}
        onChange={(e) => {
          const m = /^(\d{2}):(\d{2})$/.exec(e.target.value);
          if (m) props.onCommit(Number(m[1]) * 60 + Number(m[2]));
        }}
      />
    </span>
  );
}

export function Section(props: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.hint && <p className="hint">{props.hint}</p>}
      <div className="section-body">{props.children}</div>
    </section>
  );
}
