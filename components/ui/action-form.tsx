"use client";

import { type ReactNode, startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A small form posting to a server action (revert, rollback, page tools, settings) that shows the
 * refusal when there is one, or `done` once it succeeded (actions that move on redirect instead).
 */
export function ActionForm<T = void>({
  action,
  fields,
  label,
  done,
  labels,
  secondary = false,
  children,
}: {
  action: Action<T>;
  fields: Record<string, string | number>;
  label: string;
  /** What to say once it succeeded; `{name}` is replaced by that field of the action's answer. */
  done?: string;
  /** Names of the fields as people read them, for the list of refusals. */
  labels?: Record<string, string>;
  /** A button that is not the page's main action (rejecting beside approving). */
  secondary?: boolean;
  children?: ReactNode;
}) {
  const [state, run, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  return (
    <form
      action={run}
      className="form"
      onSubmit={(event) => {
        // Run the action ourselves so React does not reset the form: a refused form keeps what was typed.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => run(data));
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {state && !state.ok && (
        <div role="alert" className="form-error">
          <p>{state.message}</p>
          {state.fieldErrors && (
            <ul>
              {Object.entries(state.fieldErrors).map(([field, message]) => (
                <li key={field}>
                  {labels?.[field] ?? field}: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state?.ok && done && (
        <p role="status" className="form-info">
          {done.replace(/\{(\w+)\}/g, (_, name: string) => String((state.data as Record<string, unknown> | undefined)?.[name] ?? ""))}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={pending} className={secondary ? "secondary" : undefined}>
          {pending ? "Working…" : label}
        </button>
      </div>
    </form>
  );
}
