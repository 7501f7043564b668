"use client";

import { useEffect, useRef } from "react";

/**
 * On a phone the stage tabs are one row that scrolls sideways (not a block filling the first
 * screen); this brings the open stage's tab into view without moving the page.
 */
export function StageTabsScroller({ children, className }: { children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    const current = box?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!box || !current || box.scrollWidth <= box.clientWidth) return;
    box.scrollLeft = current.offsetLeft - (box.clientWidth - current.offsetWidth) / 2;
  });
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
