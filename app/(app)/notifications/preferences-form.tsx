"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { saveNotificationPreferencesAction } from "@/lib/notifications/actions";
import type { NotificationKind } from "@/lib/notifications/kinds";

type Pref = { kind: NotificationKind; label: string; inApp: boolean; email: boolean };

const CHANNELS = [
  ["inApp", "in the app"],
  ["email", "by mail"],
] as const;

/** One row per kind with two native checkboxes (in the app, by mail); saved together. */
export function PreferencesForm({ prefs }: { prefs: Pref[] }) {
  const [rows, setRows] = useState(prefs);
  const { execute, isPending, result, hasSucceeded } = useAction(saveNotificationPreferencesAction);
  const toggle = (kind: NotificationKind, channel: "inApp" | "email") =>
    setRows((rs) => rs.map((r) => (r.kind === kind ? { ...r, [channel]: !r[channel] } : r)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        execute({ prefs: rows.map(({ kind, inApp, email }) => ({ kind, inApp, email })) });
      }}
      className="space-y-3"
    >
      <table className="w-full text-sm">
        <caption className="sr-only">Notification settings</caption>
        <thead>
          <tr className="text-left text-muted-foreground">
            <th scope="col" className="py-1 font-medium">
              When
            </th>
            <th scope="col" className="w-24 py-1 text-center font-medium">
              In the app
            </th>
            <th scope="col" className="w-24 py-1 text-center font-medium">
              By mail
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {rows.map((r) => (
            <tr key={r.kind}>
              <th scope="row" className="py-2 text-left font-normal">
                {r.label}
              </th>
              {CHANNELS.map(([channel, words]) => (
                <td key={channel} className="text-center">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={r[channel]}
                    onChange={() => toggle(r.kind, channel)}
                    aria-label={`${r.label}: ${words}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save settings"}
        </Button>
        <span role="status" className="text-sm">
          {result.serverError?.message ?? (hasSucceeded ? "Saved." : "")}
        </span>
      </div>
    </form>
  );
}
