import { useId } from 'react';

interface Props {
  label: string;
  /** A line under the label: what the switch does, or why it is unavailable. */
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  /** The id of a line elsewhere that also describes it: one said of several switches, such as why they cannot be used now. */
  describedBy?: string;
  onChange: (checked: boolean) => void;
}

/** An on/off setting: a real switch to assistive technology, the whole row its target. */
export function Switch({ label, hint, checked, disabled = false, describedBy, onChange }: Props) {
  const hintId = useId();
  const described = [hint ? hintId : undefined, describedBy].filter(Boolean).join(' ');
  return (
    <div className="switch-row">
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={checked}
        aria-describedby={described || undefined}
        // Not `disabled`: that takes it out of the Tab order, and with it the description of why it cannot be used.
        aria-disabled={disabled || undefined}
        onClick={() => {
          if (!disabled) onChange(!checked);
        }}
      >
        <span className="switch-label">{label}</span>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
      </button>
      {hint ? (
        <p id={hintId} className="switch-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
