"use client";

import { useRef } from "react";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { useRefreshOnConflict } from "@/components/use-refresh-on-conflict";
import type { ErrorForBrowser } from "@/lib/errors";

/**
 * The wiring every form sent through a server action shares: submit reads the form's data
 * (no page load), focus moves to the first invalid field after an answer with field errors,
 * and a conflict refreshes the page's data while the typed values stay. Spread `formRef` and
 * `onSubmit` onto the <form>.
 */
export function useActionForm(result: { serverError?: ErrorForBrowser; validationErrors?: unknown }, submit: (form: FormData) => void) {
  const formRef = useRef<HTMLFormElement>(null);
  const isConflict = useRefreshOnConflict(result.serverError);
  useFocusFirstError(formRef, result);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  }
  return { formRef, onSubmit, isConflict };
}
