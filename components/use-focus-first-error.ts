"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a submit that came back with field errors, move focus to the first invalid control
 * (FormField marks it aria-invalid), so keyboard and screen-reader users land on the problem.
 * Pass the action's result: the effect runs once per answer.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, result: { validationErrors?: unknown }) {
  const hasErrors = Boolean(result.validationErrors);
  useEffect(() => {
    if (!hasErrors) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [hasErrors, result, formRef]);
}
