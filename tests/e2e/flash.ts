/**
 * Seeing the brief highlight of openNote's target: a MutationObserver in the page records the text of every element
 * that gets the `nav-flash` class, so a flash is seen however briefly it lasts on a busy machine.
 */
import type { Page } from 'playwright-core';
import { eventually } from './harness.ts';

/** Starts (or restarts) recording flashes. */
export async function watchFlashes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __flashes: string[]; __flashObserver?: MutationObserver };
    w.__flashObserver?.disconnect();
    w.__flashes = [];
    w.__flashObserver = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.classList?.contains('nav-flash')) w.__flashes.push(el.textContent ?? '');
        for (const n of r.addedNodes) {
          if (n instanceof Element)
            for (const f of [n, ...n.querySelectorAll('.nav-flash')])
              if (f.classList.contains('nav-flash')) w.__flashes.push(f.textContent ?? '');
        }
      }
    });
    w.__flashObserver.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
    });
  });
}

/** Waits until an element whose text matches `text` was flashed since {@link watchFlashes}. */
export async function flashed(page: Page, text: RegExp): Promise<void> {
  await eventually(
    async () => {
      const seen = await page.evaluate(() => (window as unknown as { __flashes?: string[] }).__flashes ?? []);
      return seen.some((t) => text.test(t));
    },
    15_000,
    `a flash of ${text}`,
  );
}
