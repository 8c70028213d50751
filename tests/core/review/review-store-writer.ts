/** Helper of review-store.test.ts: `node review-store-writer.ts <vault> <prefix> <n>` writes n cards concurrently. */
import { ReviewStore } from '../../../electron/services/review-store.ts';

const [vault, prefix, n] = process.argv.slice(2);
const store = new ReviewStore(vault);
const writes: Promise<unknown>[] = [];
for (let i = 0; i < Number(n); i++) {
  writes.push(
    store.update((s) => {
      s.cards[`${prefix}.md#${i}`] = {
        due: new Date().toISOString(),
        stability: 1,
        difficulty: 5,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 'review',
        lastReview: new Date().toISOString(),
      };
    }),
  );
}
await Promise.all(writes);
