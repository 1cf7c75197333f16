import type { BrowserContext } from '@playwright/test';

/** A visit as the extension recorded it in its own IndexedDB (read in the service worker, as Attune itself would). */
export interface RecordedVisit {
  id: string;
  platform: string;
  host: string;
  startedAt: number;
  endedAt: number | null;
  endReason: string | null;
}

export async function recordedVisits(context: BrowserContext): Promise<RecordedVisit[]> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    () =>
      new Promise<RecordedVisit[]>((resolve, reject) => {
        const request = indexedDB.open('attune');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('visits').objectStore('visits').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as RecordedVisit[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}
