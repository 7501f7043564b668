/**
 * Gives focus back to a dialog's trigger when the dialog closes. Radix does this itself, but a
 * trigger disabled while its action runs cannot take focus, and focus would drop to <body>: then
 * we wait until the trigger is enabled again (unless the user has moved focus meanwhile). A
 * trigger the action removed hands focus to the page's main region instead.
 */
export function returnFocus(trigger: HTMLElement | null) {
  if (!trigger) return;
  if (!trigger.isConnected || trigger.hidden) {
    focusMain(); // the action removed or hid its own button (e.g. Reopen once reopened)
    return;
  }
  if (!trigger.hasAttribute("disabled")) {
    trigger.focus();
    return;
  }
  const observer = new MutationObserver(() => {
    if (trigger.hasAttribute("disabled")) return;
    observer.disconnect();
    const active = document.activeElement;
    if (!active || active === document.body) trigger.focus();
  });
  observer.observe(trigger, { attributes: true, attributeFilter: ["disabled"] });
}

/** The page's main region (app/(app)/layout.tsx), made focusable by script only. */
function focusMain() {
  const main = document.getElementById("main");
  if (!main) return;
  if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
  main.focus({ preventScroll: true });
}

/** For a Radix dialog's `onCloseAutoFocus`: `returnFocus` instead of Radix's own, when there is a trigger. */
export function returnFocusOnClose(event: Event, trigger: HTMLElement | null) {
  if (!trigger) return; // opened from elsewhere: keep Radix's default
  event.preventDefault();
  returnFocus(trigger);
}
