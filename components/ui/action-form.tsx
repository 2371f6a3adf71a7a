"use client";

import { type ReactNode, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * A small form posting to a server action (revert, rollback, page tools, settings) that shows the
 * refusal when there is one, or `done` once it succeeded (actions that move on redirect instead).
 */
export function ActionForm({ action, fields, label, done, children }: { action: Action; fields: Record<string, string | number>; label: string; done?: string; children?: ReactNode }) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {state && !state.ok && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
      {state?.ok && done && (
        <p role="status" className="form-info">
          {done}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={pending}>
          {pending ? "Working…" : label}
        </button>
      </div>
    </form>
  );
}
