import { afterEach, describe, expect, it, vi } from "vitest";
import { returnFocus } from "./return-focus";

// Focus goes back to a dialog's trigger, even when the trigger is disabled while its action
// runs: then it waits for the trigger to be enabled, unless the person has moved on.

type FakeButton = HTMLElement & { disabled: boolean; focused: number };
function button(disabled: boolean): FakeButton {
  const b = {
    disabled,
    focused: 0,
    hidden: false,
    isConnected: true,
    hasAttribute: (name: string) => name === "disabled" && b.disabled,
    focus: () => void b.focused++,
  };
  return b as unknown as FakeButton;
}

let notify: () => void = () => {};
const disconnect = vi.fn();
function stubDom(active: unknown) {
  vi.stubGlobal(
    "MutationObserver",
    class {
      constructor(callback: () => void) {
        notify = callback;
      }
      observe() {}
      disconnect = disconnect;
    },
  );
  const body = {};
  vi.stubGlobal("document", { body, activeElement: active === "body" ? body : active });
}
afterEach(() => vi.unstubAllGlobals());

describe("returnFocus", () => {
  it("focuses an enabled trigger at once", () => {
    const b = button(false);
    returnFocus(b);
    expect(b.focused).toBe(1);
  });

  it("waits for a disabled trigger to be enabled, then focuses it", () => {
    stubDom("body");
    const b = button(true);
    returnFocus(b);
    notify(); // still disabled: nothing yet
    expect(b.focused).toBe(0);
    b.disabled = false;
    notify();
    expect(b.focused).toBe(1);
    expect(disconnect).toHaveBeenCalled();
  });

  it("leaves focus where the person put it meanwhile", () => {
    stubDom({ id: "elsewhere" });
    const b = button(true);
    returnFocus(b);
    b.disabled = false;
    notify();
    expect(b.focused).toBe(0);
  });
});
